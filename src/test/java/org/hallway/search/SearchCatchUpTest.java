package org.hallway.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.posts.EditPost;
import org.hallway.posts.LikePost;
import org.hallway.posts.Post;
import org.hallway.posts.RepostPost;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the search index re-reads at start after a crash ({@link SearchSource#postsChangedSince}): every
 * post created, edited, deleted, reposted or liked since its last commit, and none that was left alone.
 */
class SearchCatchUpTest extends HallwayTest {
    @Autowired
    SearchSource source;

    @Autowired
    CreatePost createPost;

    @Autowired
    EditPost editPost;

    @Autowired
    DeletePost deletePost;

    @Autowired
    RepostPost repostPost;

    @Autowired
    LikePost likePost;

    @Autowired
    PersonaFactory factory;

    @Test
    void findsEveryPostChangedSinceTheInstantAndNoOther() {
        var p = factory.create();
        var untouched = post(p.bob, "Left alone");
        var edited = post(p.bob, "To be edited");
        var deleted = post(p.bob, "To be deleted");
        var reposted = post(p.bob, "To be reposted");
        var liked = post(p.bob, "To be liked");
        // Past the margin the source allows between an id and its row's creation time.
        var since = liked.createdAt().plusMillis(1_500);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(since));

        var created = post(p.tom, "Written since");
        editPost.handle(p.bob.viewer(), edited.id(), new EditPost.Command("Edited since", null, null, null));
        deletePost.handle(p.bob.viewer(), deleted.id());
        repostPost.handle(p.tom.viewer(), reposted.id());
        likePost.handle(p.alice.viewer(), liked.id());

        assertThat(source.postsChangedSince(since))
                .contains(created.id(), edited.id(), deleted.id(), reposted.id(), liked.id())
                .doesNotContain(untouched.id());
    }

    private Post post(Persona author, String text) {
        return createPost.handle(
                author.viewer(), new CreatePost.Command(text, null, "public", null, false, null, null));
    }
}
