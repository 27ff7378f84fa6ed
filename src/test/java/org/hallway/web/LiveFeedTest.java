package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import java.util.Map;
import org.hallway.follow.FollowAccount;
import org.hallway.stream.Switchboard;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Live updates in the browser: a colleague's post shows up in an open page without reloading it. */
class LiveFeedTest extends BrowserTest {
    @Autowired
    FollowAccount follow;

    @Autowired
    Switchboard switchboard;

    @Test
    void alicesPostAppearsInBobsOpenHomePageWithoutReload() {
        follow.handle(p.bob.viewer(), p.alice.id());
        long before = switchboard.opened();
        var bob = signIn(p.bob);
        await().until(() -> switchboard.opened() > before);
        bob.evaluate("window.hallwayNoReload = 'still here'");
        assertThat(bob.locator("#new-posts")).isHidden();

        var alice = new Api(baseUrl(), p.alice.token());
        var created = alice.post("/api/v1/statuses", Map.of("status", "Live: the release train leaves at 3pm"));
        var id = created.body().get("id").asString();

        var bar = bob.locator("#new-posts");
        assertThat(bar).hasText("1 new post");
        bar.click();
        var card = bob.locator("#feed article").first();
        assertThat(card).containsText("the release train leaves at 3pm");
        assertThat(card).hasAttribute("id", "post-" + id);
        assertThat(bar).isHidden();
        org.assertj.core.api.Assertions.assertThat(bob.evaluate("window.hallwayNoReload"))
                .isEqualTo("still here");

        var tom = new Api(baseUrl(), p.tom.token());
        tom.post("/api/v1/statuses/" + id + "/favourite");
        assertThat(bob.locator("#post-" + id + " button.like .count")).hasText("1");
        tom.post("/api/v1/statuses", Map.of("status", "@alice count me in", "in_reply_to_id", id));
        assertThat(bob.locator("#post-" + id + " a.action .count")).hasText("1");
        assertThat(bob.locator("#feed article").filter(new Locator.FilterOptions().setHasText("release train")))
                .hasCount(1);
    }
}
