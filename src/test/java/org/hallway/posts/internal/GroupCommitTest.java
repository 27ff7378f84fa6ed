package org.hallway.posts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hallway.posts.Post;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.Ids;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** One batch of the group commit, written directly: what a bad post in it does to the others. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitTest extends HallwayTest {
    @Autowired
    GroupCommit groupCommit;

    @Autowired
    PostStore posts;

    @Autowired
    Ids ids;

    @Autowired
    PersonaFactory factory;

    Personas p;

    @BeforeAll
    void personas() {
        p = factory.create();
    }

    @Test
    void aPostTheDatabaseRefusesFailsAloneInItsBatch() {
        var first = pending(p.alice.id(), "First of the batch", null);
        var refused = pending(-42L, "By nobody: the database refuses the author", null);
        var last = pending(p.bob.id(), "Last of the batch", null);

        groupCommit.write(List.of(first, refused, last));

        assertThat(first.done()).isCompletedWithValue(first.post().post());
        assertThat(last.done()).isCompletedWithValue(last.post().post());
        assertThat(refused.done()).isCompletedExceptionally();
        assertThat(posts.find(p.networkId, first.post().post().id())).isPresent();
        assertThat(posts.find(p.networkId, last.post().post().id())).isPresent();
        assertThat(posts.find(p.networkId, refused.post().post().id())).isEmpty();
    }

    @Test
    void repeatsOfOneKeyInABatchGetTheFirstPost() {
        var key = "batch-key-" + System.nanoTime();
        var first = pending(p.tom.id(), "Sent once", key);
        var repeat = pending(p.tom.id(), "Sent once", key);
        var other = pending(p.alice.id(), "Same key, another colleague", key);

        groupCommit.write(List.of(first, repeat, other));

        assertThat(first.done()).isCompletedWithValue(first.post().post());
        assertThat(repeat.done()).isCompletedWithValue(first.post().post());
        assertThat(other.done()).isCompletedWithValue(other.post().post());
        assertThat(posts.find(p.networkId, repeat.post().post().id())).isEmpty();
        assertThat(posts.postForIdempotencyKey(p.tom.id(), key))
                .contains(first.post().post().id());

        var later = pending(p.tom.id(), "Sent once", key);
        groupCommit.write(List.of(later));
        assertThat(later.done().join().id()).isEqualTo(first.post().post().id());
    }

    private GroupCommit.Pending pending(long authorId, String text, String key) {
        var post = new Post(
                ids.next(),
                p.networkId,
                authorId,
                PostVisibility.PUBLIC,
                text,
                "<p>" + text + "</p>",
                "",
                false,
                null,
                null,
                null,
                null,
                Instant.now(),
                null,
                0,
                0,
                0,
                null);
        var event = new PostCreated(
                post.networkId(), post.id(), authorId, post.visibility(), null, null, List.of(), List.of(), null);
        return new GroupCommit.Pending(
                new PostStore.NewPost(post, List.of(), List.of(), false, true, key, false, false), event);
    }
}
