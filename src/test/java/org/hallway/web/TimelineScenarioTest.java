package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.function.Supplier;
import org.hallway.follow.FollowAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The core story of the product, through the browser: a post reaches the right colleagues. */
class TimelineScenarioTest extends BrowserTest {
    static final String KICK_OFF = "Kick-off for #launch tomorrow, @bob please bring the plan";

    @Autowired
    FollowAccount follow;

    @Test
    void postReachesFollowerAndCompanyFeedAndConversationFlowsBack() {
        follow.handle(p.bob.viewer(), p.alice.id());

        var alice = signIn(p.alice);
        alice.getByLabel("Share something with your colleagues").fill(KICK_OFF);
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        var alicesCard = alice.locator("#feed article").filter(new Locator.FilterOptions().setHasText("Kick-off for"));
        assertThat(alicesCard).hasCount(1);
        assertThat(alicesCard.locator("a.hashtag")).hasAttribute("href", "/tags/launch");
        assertThat(alice.getByLabel("Share something with your colleagues")).hasValue("");
        alice.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/hallway-home-alice.png"))
                .setFullPage(true));

        var bob = signIn(p.bob);
        var bobsCard = eventually(bob, "/", () -> bob.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Kick-off for")));
        bob.navigate("/mentions");
        assertThat(bob.locator("#feed article").filter(new Locator.FilterOptions().setHasText("Kick-off for")))
                .hasCount(1);

        var eve = signIn(p.eve);
        eve.navigate("/company");
        assertThat(eve.locator("#feed")).containsText("Kick-off for");
        eve.navigate("/");
        assertThat(eve.locator("#feed")).not().containsText("Kick-off for");

        bob.navigate("/");
        bobsCard = bob.locator("#feed article").filter(new Locator.FilterOptions().setHasText("Kick-off for"));
        bobsCard.locator("button.like").click();
        assertThat(bobsCard.locator("button.like")).hasAttribute("aria-pressed", "true");
        assertThat(bobsCard.locator("button.like .count")).hasText("1");
        bobsCard.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reply"))
                .click();
        bob.getByLabel("Write a reply").fill("@alice the plan is ready, see you there");
        bob.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Reply").setExact(true))
                .click();
        assertThat(bob.locator("#replies article")).containsText("the plan is ready");
        bob.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/hallway-thread-bob.png"))
                .setFullPage(true));

        alice.navigate("/");
        alicesCard.locator("a.time").click();
        assertThat(alice.locator("#replies")).containsText("the plan is ready");
        assertThat(alice.locator(".thread-main button.like .count")).hasText("1");
    }

    /** Fan-out to home feeds happens after commit: reload until the post arrives. */
    private static Locator eventually(Page page, String path, Supplier<Locator> locator) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            page.navigate(path);
            var found = locator.get();
            if (found.count() > 0 || System.currentTimeMillis() > deadline) {
                assertThat(found).hasCount(1);
                return found;
            }
            page.waitForTimeout(200);
        }
    }
}
