package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Groups and direct messages through the browser: what is said in a group stays in the group. */
class GroupsBrowserTest extends BrowserTest {
    static final String COMMENTARY = "Between us: https://example.com/press-release oversells the launch";

    @Test
    void postInPrivateGroupShowsOnGroupPageAndNowhereForOutsiders() {
        var alice = signIn(p.alice);
        alice.navigate("/groups");
        alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New group"))
                .click();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group"))
                .click();
        assertThat(alice.locator("#f-name-error")).hasText("Give the group a name");
        assertThat(alice.getByLabel("Name")).hasAttribute("aria-invalid", "true");

        alice.getByLabel("Name").fill("Launch <backchannel>");
        alice.getByLabel("Description").fill("Candid talk about the launch");
        alice.getByLabel("Private: listed; members read; joining needs approval")
                .check();
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group"))
                .click();
        assertThat(alice.locator("#group-name")).hasText("Launch <backchannel>");
        var groupUrl = alice.url();

        alice.getByLabel("Invite by username").fill("bob");
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Invite").setExact(true))
                .click();
        assertThat(alice.locator("#members")).containsText("Bob Brown");

        alice.getByLabel("Post to Launch <backchannel>").fill(COMMENTARY);
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        var card = alice.locator("#feed article").filter(new Locator.FilterOptions().setHasText("oversells"));
        assertThat(card).hasCount(1);
        alice.navigate(groupUrl);
        assertThat(alice.locator("#feed article").filter(new Locator.FilterOptions().setHasText("oversells")))
                .hasCount(1);
        assertThat(alice.locator("#feed .in-group")).containsText("Launch <backchannel>");
        alice.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("oversells"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pin"))
                .click();
        assertThat(alice.locator("#pinned article")).containsText("oversells");
        alice.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/hallway-group-alice.png"))
                .setFullPage(true));

        var bob = signIn(p.bob);
        eventually(bob, "/", () -> bob.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("oversells")));
        bob.navigate(groupUrl);
        assertThat(bob.locator("#feed")).containsText("oversells");

        var eve = signIn(p.eve);
        eve.navigate(groupUrl);
        assertThat(eve.locator("#group-name")).hasText("Launch <backchannel>");
        assertThat(eve.locator("main")).not().containsText("oversells");
        assertThat(eve.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask to join")))
                .isVisible();
        for (var path : new String[] {"/", "/company", "/@alice", "/mentions", "/tags/launch"}) {
            eve.navigate(path);
            assertThat(eve.locator("main")).not().containsText("oversells");
        }

        eve.navigate(groupUrl);
        eve.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask to join"))
                .click();
        assertThat(eve.locator(".notice")).containsText("waiting for the group's administrators");
        alice.navigate(groupUrl);
        assertThat(alice.locator("#requests")).containsText("Eve Evans");
        alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve Eve Evans"))
                .click();
        assertThat(alice.locator("#members")).containsText("Eve Evans");
        eve.navigate(groupUrl);
        assertThat(eve.locator("#feed")).containsText("oversells");
    }

    @Test
    void directMessageAppearsInRecipientsInboxAndReplyStaysPrivate() {
        var tom = signIn(p.tom);
        tom.navigate("/messages");
        tom.getByLabel("Share something with your colleagues").fill("@alice can we talk about the reorg?");
        tom.getByLabel("Who can see this").selectOption("direct");
        tom.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();

        var alice = signIn(p.alice);
        var row = eventually(alice, "/messages", () -> alice.locator("#conversations li")
                .filter(new Locator.FilterOptions().setHasText("Tom Taylor")));
        assertThat(row).hasClass(java.util.regex.Pattern.compile("unread"));
        row.getByRole(AriaRole.LINK).first().click();
        assertThat(alice.locator("#replies")).containsText("talk about the reorg");
        alice.getByLabel("Write a reply").fill("Sure, 3pm?");
        alice.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Reply").setExact(true))
                .click();
        assertThat(alice.locator("#replies")).containsText("Sure, 3pm?");
        alice.navigate("/messages");
        assertThat(alice.locator("#conversations li.unread")).hasCount(0);

        var eve = signIn(p.eve);
        for (var path : new String[] {"/", "/company", "/@alice", "/@tom", "/messages"}) {
            eve.navigate(path);
            assertThat(eve.locator("main")).not().containsText("reorg");
            assertThat(eve.locator("main")).not().containsText("Sure, 3pm?");
        }
        eventually(tom, "/messages", () -> tom.locator("#conversations li")
                .filter(new Locator.FilterOptions().setHasText("Sure, 3pm?")));
    }

    /** Fan-out and inboxes are filled after commit: reload until the entry arrives. */
    private static Locator eventually(Page page, String path, Supplier<Locator> locator) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            page.navigate(path);
            var found = locator.get();
            if (found.count() > 0 || System.currentTimeMillis() > deadline) {
                assertThat(found.first()).isVisible();
                return found.first();
            }
            page.waitForTimeout(200);
        }
    }
}
