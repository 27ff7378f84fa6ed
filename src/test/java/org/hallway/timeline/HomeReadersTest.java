package org.hallway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.hallway.follow.FollowAccount;
import org.hallway.posts.CreatePost;
import org.hallway.posts.Post;
import org.hallway.posts.RepostPost;
import org.hallway.shared.PageRequest;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who a live home stream tells of a post: exactly the readers whose home feed shows it. */
class HomeReadersTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    @Autowired
    CreatePost createPost;

    @Autowired
    RepostPost repostPost;

    @Autowired
    FollowAccount follow;

    @Autowired
    FeedStore feeds;

    @Autowired
    FindHomeReaders homeReaders;

    Personas p;

    @Autowired
    KeepHomeFeed keep;

    @BeforeEach
    void personas() {
        p = factory.create();
        // The stores are read directly here: the feeds are kept first, as reading the home feed or
        // opening a stream keeps them (ADR 0055).
        for (var persona : List.of(p.alice, p.bob, p.tom, p.eve, p.admin)) keep.handle(p.networkId, persona.id());
    }

    @Test
    void readersAreTheFeedsThatHoldThePost() {
        follow.handle(p.bob.viewer(), p.alice.id());
        var post = post(p.alice, "Stand-up moved to 10:00", "public");
        await().until(() -> home(p.bob).contains(post.id()));
        assertThat(homeReaders.handle(p.networkId, post.id(), everyone()))
                .containsExactlyInAnyOrder(p.alice.id(), p.bob.id());
    }

    @Test
    void authorsAboveTheFanOutLimitReachFollowersMergedAtReadTime() {
        follow.handle(p.bob.viewer(), p.alice.id());
        var post = post(p.alice, "An all-hands note", "private");
        await().until(() -> home(p.bob).contains(post.id()));
        // As if alice had more followers than the fan-out limit: not in bob's stored feed...
        feeds.removeAuthor(p.bob.id(), p.alice.id());
        assertThat(feeds.homeReaders(p.networkId, post.id(), everyone(), Integer.MAX_VALUE))
                .doesNotContain(p.bob.id());
        // ...yet his feed merges it in, and so does his stream; eve's does not.
        assertThat(feeds.homeReaders(p.networkId, post.id(), everyone(), 0))
                .contains(p.bob.id())
                .doesNotContain(p.eve.id(), p.tom.id());
    }

    @Test
    void aRepostOfAPostAlreadyInTheFeedIsNotAnnouncedAgain() {
        follow.handle(p.bob.viewer(), p.alice.id());
        follow.handle(p.bob.viewer(), p.tom.id());
        follow.handle(p.eve.viewer(), p.tom.id());
        var post = post(p.alice, "Worth sharing", "public");
        await().until(() -> home(p.bob).contains(post.id()));
        var repost = repostPost.handle(p.tom.viewer(), post.id());
        await().until(() -> home(p.eve).contains(repost.id()));
        assertThat(homeReaders.handle(p.networkId, repost.id(), everyone()))
                .contains(p.eve.id(), p.tom.id())
                .doesNotContain(p.bob.id());
        // The original (an edit of it, say) reaches the feeds that hold it itself and those that hold it
        // as the original of the repost; asked for both posts at once, each gets its own readers.
        var both = homeReaders.handle(p.networkId, List.of(post.id(), repost.id()), everyone());
        assertThat(both.get(post.id())).containsExactlyInAnyOrder(p.alice.id(), p.bob.id(), p.tom.id(), p.eve.id());
        assertThat(both.get(repost.id())).containsExactlyInAnyOrder(p.tom.id(), p.eve.id());
        assertThat(homeReaders.handle(p.networkId, post.id(), everyone())).isEqualTo(both.get(post.id()));
    }

    @Test
    void followersOnlyPostsReachNoOneElse() {
        var post = post(p.tom, "For my followers", "private");
        await().until(() -> home(p.tom).contains(post.id()));
        assertThat(homeReaders.handle(p.networkId, post.id(), everyone())).containsExactly(p.tom.id());
    }

    private List<Long> everyone() {
        return List.of(p.alice.id(), p.bob.id(), p.tom.id(), p.eve.id(), p.admin.id());
    }

    private Post post(Personas.Persona author, String text, String visibility) {
        return createPost.handle(
                author.viewer(), new CreatePost.Command(text, null, visibility, null, false, null, null));
    }

    private List<Long> home(Personas.Persona reader) {
        return feeds.home(reader.viewer(), PageRequest.first(40), Integer.MAX_VALUE).stream()
                .map(FeedStore.Entry::postId)
                .toList();
    }
}
