package org.hallway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.hallway.follow.FollowAccount;
import org.hallway.follow.FollowTag;
import org.hallway.posts.CreatePost;
import org.hallway.posts.EditPost;
import org.hallway.posts.LikePost;
import org.hallway.posts.RepostPost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page renders for a signed-in colleague at desktop and phone width: no error status, nothing
 * refused by the Content-Security-Policy (it would show as a console error), no sideways scrolling.
 * Screenshots land in /tmp/hallway-shots for a look at the design.
 */
class PagesRenderTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    EditPost editPost;

    @Autowired
    LikePost likePost;

    @Autowired
    RepostPost repostPost;

    @Autowired
    FollowAccount follow;

    @Autowired
    FollowTag followTag;

    long launchPost;

    @BeforeAll
    void conversation() {
        follow.handle(p.alice.viewer(), p.bob.viewer().accountId());
        follow.handle(p.alice.viewer(), p.tom.viewer().accountId());
        followTag.handle(p.alice.viewer(), "design");
        var plan = createPost.handle(
                p.bob.viewer(),
                new CreatePost.Command(
                        "Release plan for **v2.4** is ready:\n\n- freeze on Tuesday\n- `./release.sh` on Thursday\n\n> Ship small, ship often\n\nDetails: https://wiki.example.com/releases/v2-4 #launch",
                        null,
                        "public",
                        null,
                        false,
                        null,
                        null));
        createPost.handle(
                p.tom.viewer(),
                new CreatePost.Command(
                        "New icon set for the #design system is up for review, @alice would love your eyes on it",
                        null,
                        "public",
                        null,
                        false,
                        null,
                        null));
        var reply = createPost.handle(
                p.alice.viewer(),
                new CreatePost.Command(
                        "@bob great, thanks! Can we add a rollback step?",
                        plan.id(),
                        "public",
                        null,
                        false,
                        null,
                        null));
        createPost.handle(
                p.bob.viewer(),
                new CreatePost.Command(
                        "@alice yes, added it to the checklist.", reply.id(), "public", null, false, null, null));
        editPost.handle(
                p.bob.viewer(),
                plan.id(),
                new EditPost.Command(
                        "Release plan for **v2.4** is ready:\n\n- freeze on Tuesday\n- `./release.sh` on Thursday\n- rollback drill Friday\n\n> Ship small, ship often\n\nDetails: https://wiki.example.com/releases/v2-4 #launch",
                        null,
                        null,
                        null));
        likePost.handle(p.alice.viewer(), plan.id());
        likePost.handle(p.tom.viewer(), plan.id());
        repostPost.handle(p.tom.viewer(), plan.id());
        createPost.handle(
                p.tom.viewer(),
                new CreatePost.Command(
                        "Only for the people who follow me: lunch at 12?", null, "private", null, false, null, null));
        launchPost = plan.id();
    }

    @Test
    void everyPageRendersCleanlyOnDesktopAndPhone() {
        var paths = List.of(
                "/",
                "/company",
                "/mentions",
                "/likes",
                "/bookmarks",
                "/people",
                "/people?q=b",
                "/@bob",
                "/@bob/org",
                "/settings/profile",
                "/people?department=engineering",
                "/@bob/" + launchPost,
                "/@bob/" + launchPost + "/history",
                "/tags/launch",
                "/tags/design");
        for (var size : List.of(new int[] {1280, 900}, new int[] {375, 812})) {
            var page = signIn(p.alice, newPage(size[0], size[1]));
            var problems = new ArrayList<String>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) problems.add(page.url() + ": " + m.text());
            });
            for (var path : paths) {
                var response = page.navigate(path);
                assertThat(response.status()).as(path).isEqualTo(200);
                int overflow =
                        ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
                assertThat(overflow)
                        .as("sideways scrolling on " + path + " at " + size[0] + "px")
                        .isLessThanOrEqualTo(0);
                page.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(Paths.get(
                                "/tmp/hallway-shots/" + size[0] + path.replaceAll("[^a-z0-9]+", "_") + ".png")));
            }
            assertThat(problems).isEmpty();
            page.context().close();
        }
        var anonymous = newPage(375, 812);
        anonymous.navigate("/login?error");
        anonymous.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/hallway-shots/375_login.png")));
    }
}
