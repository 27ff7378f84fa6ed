package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hallway.posts.CreatePost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Acting on posts, profiles and hashtags updates the page in place. */
class PostActionsTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Test
    void authorEditsWithErrorNextToFieldThenSeesHistoryAndDeletes() {
        var page = signIn(p.alice);
        page.getByLabel("Share something with your colleagues").fill("First draft of the roadmap");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Post").setExact(true))
                .click();
        var card = page.locator("#feed article").first();
        assertThat(card).containsText("First draft of the roadmap");

        card.locator("button.edit").click();
        var editor = card.getByLabel("Edit your post");
        assertThat(editor).hasValue("First draft of the roadmap");
        editor.fill("   ");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(card.locator(".field-error")).hasText("Text can't be blank");
        card.getByLabel("Edit your post").fill("Final roadmap, with **dates**");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(card.locator(".content strong")).hasText("dates");
        card.locator("a.edited").click();
        assertThat(page.locator("h1")).hasText("Edit history");
        assertThat(page.locator(".versions li")).hasCount(2);
        assertThat(page.locator(".versions li").last()).containsText("First draft of the roadmap");

        page.navigate("/");
        page.onceDialog(d -> d.accept());
        page.locator("#feed article")
                .filter(new Locator.FilterOptions().setHasText("Final roadmap"))
                .locator("button.delete")
                .click();
        assertThat(page.locator("#feed")).not().containsText("Final roadmap");
        page.reload();
        assertThat(page.locator("#feed")).not().containsText("Final roadmap");
    }

    @Test
    void repostAndBookmarkToggleInPlace() {
        createPost.handle(
                p.tom.viewer(),
                new CreatePost.Command("Design review at 3pm", null, "public", null, false, null, null));
        var page = signIn(p.eve);
        page.navigate("/company");
        var card = page.locator("#feed article").filter(new Locator.FilterOptions().setHasText("Design review at 3pm"));
        card.locator("button.repost").click();
        assertThat(card.locator("button.repost")).hasAttribute("aria-pressed", "true");
        assertThat(card.locator("button.repost .count")).hasText("1");
        card.locator("button.bookmark").click();
        assertThat(card.locator("button.bookmark")).hasAttribute("aria-pressed", "true");
        page.navigate("/bookmarks");
        assertThat(page.locator("#feed")).containsText("Design review at 3pm");
        page.navigate("/@eve");
        var repost =
                page.locator("#feed article").filter(new Locator.FilterOptions().setHasText("Design review at 3pm"));
        assertThat(repost.locator(".repost-note")).containsText("Eve Evans reposted");
        repost.locator("button.repost").click();
        assertThat(repost.locator("button.repost")).hasAttribute("aria-pressed", "false");
    }

    @Test
    void loadMoreAppendsTheNextPage() {
        var author = p.add("prolific", "Pat Prolific", "Writer", "Comms", "Remote", null);
        for (int i = 1; i <= 25; i++) {
            createPost.handle(
                    author.viewer(),
                    new CreatePost.Command("Update number " + i, null, "public", null, false, null, null));
        }
        var page = signIn(p.bob);
        page.navigate("/@prolific");
        assertThat(page.locator("#feed article")).hasCount(20);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Load more"))
                .click();
        assertThat(page.locator("#feed article")).hasCount(25);
        assertThat(page.locator("#feed article").last()).containsText("Update number 1");
        assertThat(page).hasURL(baseUrl() + "/@prolific");
    }

    @Test
    void followsColleaguesAndHashtagsAndFindsPeople() {
        var page = signIn(p.tom);
        page.navigate("/people");
        page.getByLabel("Search colleagues by name").fill("Bo");
        assertThat(page.locator("#people-list")).containsText("Bob Brown");
        assertThat(page.locator("#people-list")).not().containsText("Eve Evans");
        page.locator("#people-list")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Bob Brown"))
                .click();
        assertThat(page.locator("#profile-head")).containsText("Engineer · Engineering");
        assertThat(page.locator("#profile-head")).containsText("Lisbon");
        assertThat(page.locator("#profile-head a[href='/@alice']")).hasText("Alice Adams");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Follow").setExact(true))
                .click();
        assertThat(page.locator("#profile-head button")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#profile-head .counts")).containsText("1 follower");

        page.navigate("/tags/Planning");
        assertThat(page.locator("h1")).hasText("#planning");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Follow").setExact(true))
                .click();
        assertThat(page.locator("#tag-head button")).hasText("Following");
        page.reload();
        assertThat(page.locator("#tag-head button")).hasText("Following");
    }
}
