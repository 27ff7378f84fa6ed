package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import org.hallway.follow.FollowAccount;
import org.hallway.follow.FollowTag;
import org.hallway.notify.ActivityStore;
import org.hallway.notify.NotificationQuery;
import org.hallway.notify.ReadNotifications;
import org.hallway.posts.CreatePost;
import org.hallway.posts.LikePost;
import org.hallway.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A colleague back after two days is offered "While you were away", ordered by what matters. */
class CatchUpPageTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    LikePost like;

    @Autowired
    FollowAccount follow;

    @Autowired
    FollowTag followTag;

    @Autowired
    ActivityStore activity;

    @Autowired
    ReadNotifications notifications;

    @Test
    void offersWhatWasMissedWithMessagesFirstThenFollowedThenPopularInTheDepartment() {
        var dave = p.add("dave", "Dave Dune", "Analyst", "Finance", "Paris", null);
        // Dave was last here two days ago.
        activity.touch(p.networkId, dave.id(), Instant.now().minus(Duration.ofDays(2)), Duration.ofHours(4));
        follow.handle(dave.viewer(), p.tom.id());
        followTag.handle(dave.viewer(), "launch");

        post(p.alice, "@dave can we talk about <b>the budget</b>?", "direct");
        post(p.tom, "Roadmap draft is up", "public");
        post(p.bob, "Launch checklist #launch", "public");
        var closing = post(p.eve, "Quarter closed, thanks all", "public");
        like.handle(p.bob.viewer(), closing);
        post(p.eve, "Finance only: #launch numbers", "private");
        await().atMost(Duration.ofSeconds(10)).until(() -> !notifications
                .handle(dave.viewer(), NotificationQuery.all(), PageRequest.first(40))
                .items()
                .isEmpty());

        var page = signIn(dave);
        var offer = page.locator("#catch-up-offer");
        assertThat(offer).containsText("Welcome back");
        offer.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("See what you missed"))
                .click();
        page.waitForURL("**/away");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("While you were away")))
                .isVisible();
        var mentions = page.locator("#away-mentions-section");
        assertThat(mentions).containsText("can we talk about <b>the budget</b>?");
        var followed = page.locator("#away-followed-section");
        assertThat(followed).containsText("Roadmap draft is up");
        assertThat(followed).containsText("Launch checklist");
        var popular = page.locator("#away-popular-section");
        assertThat(popular).containsText("Popular in Finance");
        assertThat(popular).containsText("Quarter closed");
        assertThat(page.locator("main")).not().containsText("Finance only");
        assertThat(page.locator("main b")).hasCount(0);

        // Opened once, home no longer offers it.
        page.navigate("/");
        assertThat(page.locator("#catch-up-offer")).hasCount(0);
    }

    private long post(org.hallway.testing.Personas.Persona author, String text, String visibility) {
        return createPost
                .handle(author.viewer(), new CreatePost.Command(text, null, visibility, null, false, null, null))
                .id();
    }
}
