package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import org.hallway.notify.CountUnreadNotifications;
import org.hallway.notify.NotificationQuery;
import org.hallway.posts.CreatePost;
import org.hallway.posts.LikePost;
import org.hallway.stream.Switchboard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The notification badge in the navigation and the notifications page, through the browser. */
class NotificationsPageTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    LikePost like;

    @Autowired
    Switchboard switchboard;

    @Autowired
    CountUnreadNotifications unread;

    @Test
    void badgeCountsUnreadAndThePageGroupsLikesAndMarksEverythingRead() {
        var lunch = createPost.handle(p.bob.viewer(), command("Lunch at noon?"));
        // Notifications are made after commit, each in its own time: wait for each before the next,
        // so that Tom's like is the latest and the mention comes after both likes.
        like.handle(p.alice.viewer(), lunch.id());
        await().until(() -> unread.handle(p.bob.viewer(), NotificationQuery.all(), 10) == 1);
        like.handle(p.tom.viewer(), lunch.id());
        await().until(() -> unread.handle(p.bob.viewer(), NotificationQuery.all(), 10) == 2);
        createPost.handle(p.alice.viewer(), command("@bob the plan is <script>alert(1)</script> ready"));

        var bob = signIn(p.bob);
        var badge = bob.locator("#notification-badge");
        long deadline = System.currentTimeMillis() + 15_000;
        // Notifications are made after commit: reload until all three have arrived.
        while (!(badge.isVisible() && badge.innerText().startsWith("3")) && System.currentTimeMillis() < deadline) {
            bob.navigate("/");
        }
        assertThat(badge).containsText("3");

        bob.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications"))
                .first()
                .click();
        bob.waitForURL("**/notifications");
        var items = bob.locator("#notifications li");
        assertThat(items).hasCount(2);
        assertThat(items.nth(0)).containsText("Alice Adams mentioned you");
        assertThat(items.nth(0).locator(".notification-post"))
                .hasText("@bob the plan is <script>alert(1)</script> ready");
        assertThat(items.nth(1)).containsText("Tom Taylor and 1 other liked your post");
        assertThat(items.nth(1).locator(".notification-post")).hasText("Lunch at noon?");
        assertThat(bob.locator(".notification.unread")).hasCount(2);
        assertThat(bob.locator("#notification-badge")).isHidden();
        bob.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("/tmp/hallway-notifications-bob.png"))
                .setFullPage(true));

        bob.navigate("/");
        assertThat(bob.locator("#notification-badge")).isHidden();
        bob.navigate("/notifications");
        assertThat(bob.locator(".notification.unread")).hasCount(0);
        items.nth(1).locator(".notification-post").click();
        assertThat(bob.locator(".thread-main")).containsText("Lunch at noon?");
        bob.navigate("/notifications");
        assertThat(bob.locator("#notifications li").filter(new Locator.FilterOptions().setHasText("mentioned you")))
                .hasCount(1);

        long connections = switchboard.opened();
        bob.navigate("/");
        assertThat(bob.locator("#notification-badge")).isHidden();
        await().until(() -> switchboard.opened() > connections);
        // With the page open, a new notification shows in the badge at once, without a reload.
        createPost.handle(p.tom.viewer(), command("@bob are you joining the retro?"));
        assertThat(bob.locator("#notification-badge")).isVisible();
        assertThat(bob.locator("#notification-badge")).containsText("1");
    }

    @Test
    void settingsChooseWhatShowsAndRejectAnUnknownTimeZoneNextToTheField() {
        var tom = signIn(p.tom);
        tom.navigate("/settings/notifications");
        tom.getByLabel("Likes in Hallway").uncheck();
        tom.getByLabel("From").fill("22:00");
        tom.getByLabel("Until").fill("07:00");
        tom.getByLabel("Time zone").fill("Mars/Olympus");
        tom.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings"))
                .click();
        assertThat(tom.locator("#f-timeZone-error")).containsText("Unknown time zone");
        tom.getByLabel("Likes in Hallway").uncheck();
        tom.getByLabel("Time zone").fill("Europe/Berlin");
        tom.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings"))
                .click();
        assertThat(tom.locator(".notice")).containsText("saved");
        assertThat(tom.getByLabel("Likes in Hallway")).not().isChecked();
        assertThat(tom.getByLabel("Mentions in Hallway")).isChecked();
        assertThat(tom.getByLabel("Time zone")).hasValue("Europe/Berlin");

        var design = createPost.handle(p.tom.viewer(), command("New logo draft"));
        like.handle(p.alice.viewer(), design.id());
        createPost.handle(p.alice.viewer(), command("@tom nice logo"));
        long deadline = System.currentTimeMillis() + 15_000;
        var items = tom.locator("#notifications li");
        do {
            tom.navigate("/notifications");
        } while (items.count() == 0 && System.currentTimeMillis() < deadline);
        assertThat(items).hasCount(1);
        assertThat(items.first()).containsText("Alice Adams mentioned you");
    }

    private static CreatePost.Command command(String text) {
        return new CreatePost.Command(text, null, "public", null, false, null, null);
    }
}
