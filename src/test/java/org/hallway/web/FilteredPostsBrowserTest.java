package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The reader's filters in the web UI: a post matching a "warn" filter is folded under "Filtered:
 * <title>" until the reader chooses to see it anyway; a post matching a "hide" filter is not there; in
 * the home, company, profile, tag, group and thread views, as in Mastodon's apps. Nobody else's view
 * changes.
 */
class FilteredPostsBrowserTest extends BrowserTest {

    private static String post(Api api, Map<String, ?> body) {
        var created = api.post("/api/v1/statuses", body);
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.body().toString())
                .isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static Locator card(Page page, String text) {
        return page.locator("article.card").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static void filter(Api api, String title, String action, String keyword) {
        var created = api.post(
                "/api/v2/filters",
                Map.of(
                        "title",
                        title,
                        "context",
                        List.of("home", "public", "account", "thread"),
                        "filter_action",
                        action,
                        "keywords_attributes",
                        List.of(Map.of("keyword", keyword, "whole_word", true))));
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(200);
    }

    /** A warned post: the title shows, the post does not until "Show anyway" is pressed. */
    private static void assertWarnedThenShown(Page page, String text) {
        var folded = page.locator("details.filtered")
                .filter(new Locator.FilterOptions().setHasText("Filtered: Spoilers"))
                .filter(new Locator.FilterOptions().setHasText(text));
        assertThat(folded).hasCount(1);
        assertThat(folded.locator("summary")).isVisible();
        assertThat(folded.locator("article.card")).not().isVisible();
        folded.getByText("Show anyway").click();
        assertThat(folded.locator("article.card")).isVisible();
        assertThat(folded.locator("article.card")).containsText(text);
    }

    @Test
    void warnedPostsAreFoldedUnderTheFilterAndHiddenOnesAreAbsentInEveryView() {
        var base = "http://127.0.0.1:" + port;
        var alice = new Api(base, p.alice.token());
        var bob = new Api(base, p.bob.token());
        var tom = new Api(base, p.tom.token());
        org.assertj.core.api.Assertions.assertThat(bob.post("/api/v1/accounts/" + p.alice.idString() + "/follow")
                        .status())
                .isEqualTo(200);
        filter(bob, "Spoilers", "warn", "finale");
        filter(bob, "Crypto", "hide", "bitcoin");

        var group = alice.post("/api/v1/groups", Map.of("name", "Watch party", "privacy", "public"));
        var groupId = group.body().get("id").asString();
        var plain = post(alice, Map.of("status", "Season notes #tvclub"));
        var warned = post(alice, Map.of("status", "The finale was a shock #tvclub"));
        var hidden = post(alice, Map.of("status", "Buy bitcoin today #tvclub"));
        post(alice, Map.of("status", "Group finale talk", "group_id", groupId));
        post(alice, Map.of("status", "Group bitcoin talk", "group_id", groupId));
        post(alice, Map.of("status", "Group hello", "group_id", groupId));
        post(tom, Map.of("status", "@alice that finale though", "in_reply_to_id", plain));
        post(tom, Map.of("status", "@alice bitcoin reply", "in_reply_to_id", plain));
        post(tom, Map.of("status", "@alice agreed, good notes", "in_reply_to_id", plain));
        await().atMost(Duration.ofSeconds(10)).until(() -> ApiTest.ids(
                        bob.get("/api/v1/timelines/home?limit=40").body())
                .containsAll(List.of(plain, warned)));

        var page = signIn(p.bob);
        // Home.
        assertThat(card(page, "Season notes").first()).isVisible();
        assertWarnedThenShown(page, "The finale was a shock");
        assertThat(card(page, "Buy bitcoin")).hasCount(0);
        // Company.
        page.navigate("/company");
        assertThat(card(page, "Season notes").first()).isVisible();
        assertWarnedThenShown(page, "The finale was a shock");
        assertThat(card(page, "Buy bitcoin")).hasCount(0);
        // Profile.
        page.navigate("/@" + p.alice.account().username());
        assertThat(card(page, "Season notes").first()).isVisible();
        assertWarnedThenShown(page, "The finale was a shock");
        assertThat(card(page, "Buy bitcoin")).hasCount(0);
        // Tag.
        page.navigate("/tags/tvclub");
        assertThat(card(page, "Season notes").first()).isVisible();
        assertWarnedThenShown(page, "The finale was a shock");
        assertThat(card(page, "Buy bitcoin")).hasCount(0);
        // Group.
        page.navigate("/groups/" + groupId);
        assertThat(card(page, "Group hello").first()).isVisible();
        assertWarnedThenShown(page, "Group finale talk");
        assertThat(card(page, "Group bitcoin talk")).hasCount(0);
        // Thread: the replies.
        page.navigate("/@" + p.alice.account().username() + "/" + plain);
        assertThat(card(page, "agreed, good notes").first()).isVisible();
        assertWarnedThenShown(page, "that finale though");
        assertThat(card(page, "bitcoin reply")).hasCount(0);
        // A hidden post asked for by its address is still there: filters thin feeds, they do not lock.
        page.navigate("/@" + p.alice.account().username() + "/" + hidden);
        assertThat(card(page, "Buy bitcoin").first()).isVisible();

        // Tom has no filters: he sees everything, unfolded.
        var tomPage = signIn(p.tom);
        tomPage.navigate("/company");
        assertThat(card(tomPage, "The finale was a shock").first()).isVisible();
        assertThat(card(tomPage, "Buy bitcoin").first()).isVisible();
        assertThat(tomPage.locator("details.filtered")).hasCount(0);
    }
}
