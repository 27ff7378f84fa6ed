package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.posts.EditPost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Web feeds hydrate posts from memory (ADR 0028): a colleague's edit or deletion shows on the next load. */
class FeedCachePageTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    EditPost editPost;

    @Autowired
    DeletePost deletePost;

    @Test
    void editAndDeletionByTheAuthorShowOnTheReadersNextPageLoad() {
        var post = createPost.handle(
                p.tom.viewer(),
                new CreatePost.Command("Cafeteria closes early today", null, "public", null, false, null, null));
        var page = signIn(p.eve);
        page.navigate("/company");
        assertThat(page.locator("#feed")).containsText("Cafeteria closes early today");

        editPost.handle(p.tom.viewer(), post.id(), new EditPost.Command("Cafeteria open late today", null, null, null));
        page.reload();
        assertThat(page.locator("#feed")).containsText("Cafeteria open late today");
        assertThat(page.locator("#feed")).not().containsText("closes early");

        deletePost.handle(p.tom.viewer(), post.id());
        page.reload();
        assertThat(page.locator("#feed")).not().containsText("Cafeteria");
    }
}
