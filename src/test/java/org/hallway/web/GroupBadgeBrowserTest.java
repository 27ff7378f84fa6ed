package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * A group post's card names its group; only posts of private and secret groups carry a lock; compose and
 * reply boxes in a group say who will read what is written there.
 */
class GroupBadgeBrowserTest extends BrowserTest {

    @Test
    void publicGroupPostShowsTheGroupBadgeWithoutALockAndPrivateGroupPostShowsBoth() {
        var alice = new Api(baseUrl(), p.alice.token());
        var open = group(alice, "Coffee <lovers>", "public");
        var closed = group(alice, "Exec offsite", "private");
        var openPost = post(alice, open, "Open group: new beans arrived");
        var closedPost = post(alice, closed, "Closed group: agenda draft");

        var page = signIn(p.alice);
        page.navigate("/@alice/" + openPost);
        var openCard = page.locator("article").filter(new Locator.FilterOptions().setHasText("new beans"));
        var badge = openCard.locator(".group-badge");
        assertThat(badge).hasText("in Coffee <lovers>");
        assertThat(badge).hasAttribute("href", "/groups/" + open);
        assertThat(openCard.locator(".lock-badge")).hasCount(0);
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/hallway-group-badge.png")));

        page.navigate("/@alice/" + closedPost);
        var closedCard = page.locator("article").filter(new Locator.FilterOptions().setHasText("agenda draft"));
        assertThat(closedCard.locator(".group-badge")).hasText("in Exec offsite");
        assertThat(closedCard.locator(".lock-badge")).hasCount(1);
        assertThat(closedCard.locator(".lock-badge")).hasAttribute("title", "Group members");

        // A guest's post in the group is labelled as such.
        assertThat(alice.post("/api/v1/groups/" + open + "/members", Map.of("account_ids", List.of(p.gus.idString())))
                        .status())
                .isEqualTo(200);
        var guestPost = post(new Api(baseUrl(), p.gus.token()), open, "Hello from the partner side");
        page.navigate("/groups/" + open);
        var guestCard = page.locator("#feed article").filter(new Locator.FilterOptions().setHasText("partner side"));
        assertThat(guestCard.locator(".badge.guest")).hasText("Guest");
        assertThat(guestPost).isNotBlank();
    }

    @Test
    void composeAndReplyBoxesNameTheGroupsRealAudience() {
        var alice = new Api(baseUrl(), p.alice.token());
        var open = group(alice, "Open <kitchen>", "public");
        var closed = group(alice, "Board prep", "private");
        var hidden = group(alice, "Reorg <plans>", "secret");
        var openPost = post(alice, open, "Who took the last oat milk?");
        var closedPost = post(alice, closed, "Slides due Friday");
        var hiddenPost = post(alice, hidden, "Draft org chart attached");
        var everyone = "Public group: every colleague can read it";
        var membersOnly = "Only this group's members see it";

        var page = signIn(p.alice);
        page.navigate("/groups/" + open);
        assertThat(page.locator("#compose-audience")).hasText(everyone);
        page.navigate("/groups/" + closed);
        assertThat(page.locator("#compose-audience")).hasText(membersOnly);

        // The reply box under a post in a public group says what a reply there really reaches.
        page.navigate("/@alice/" + openPost);
        assertThat(page.locator("#reply #compose-audience")).hasText(everyone);
        assertThat(page.locator("#reply .audience-note .icon")).hasCount(1);
        page.getByLabel("Write a reply").fill("The interns, as always");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Reply").setExact(true))
                .click();
        assertThat(page.locator("#replies article")).containsText("The interns, as always");
        assertThat(page.locator("#reply #compose-audience")).hasText(everyone);

        // A refused reply keeps the same hint next to the error.
        page.getByLabel("Write a reply").fill("");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Reply").setExact(true))
                .click();
        assertThat(page.locator("#compose-error")).isVisible();
        assertThat(page.locator("#reply #compose-audience")).hasText(everyone);

        page.navigate("/@alice/" + closedPost);
        assertThat(page.locator("#reply #compose-audience")).hasText(membersOnly);
        page.navigate("/@alice/" + hiddenPost);
        assertThat(page.locator("#reply #compose-audience")).hasText(membersOnly);
    }

    @Test
    void invitationShowsOnTheNotificationsPageWithTheGroupLinked() {
        var alice = new Api(baseUrl(), p.alice.token());
        var group = group(alice, "Design <reviews>", "private");
        assertThat(alice.post("/api/v1/groups/" + group + "/members", Map.of("account_ids", List.of(p.tom.idString())))
                        .status())
                .isEqualTo(200);
        var tom = signIn(p.tom);
        var line = tom.locator("#notifications [data-type=group_invite]");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            tom.navigate("/notifications");
            return line.count() > 0;
        });
        assertThat(line).containsText("Alice Adams added you to the group Design <reviews>");
        assertThat(line.locator("a.notification-group")).hasAttribute("href", "/groups/" + group);
    }

    private static String group(Api api, String name, String privacy) {
        var created = api.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static String post(Api api, String group, String text) {
        var created = api.post("/api/v1/statuses", Map.of("status", text, "group_id", group));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }
}
