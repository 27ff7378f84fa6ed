package org.hallway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hallway.follow.FollowAccount;
import org.hallway.follow.FollowTag;
import org.hallway.follow.UnfollowAccount;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.posts.Post;
import org.hallway.posts.PostView;
import org.hallway.posts.RepostPost;
import org.hallway.shared.PageRequest;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/** Home feeds through the use cases: who gets what, once, and what leaves again. */
class HomeFeedTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    @Autowired
    CreatePost createPost;

    @Autowired
    DeletePost deletePost;

    @Autowired
    RepostPost repostPost;

    @Autowired
    FollowAccount follow;

    @Autowired
    UnfollowAccount unfollow;

    @Autowired
    FollowTag followTag;

    @Autowired
    ReadHomeFeed homeFeed;

    @Autowired
    FeedStore feeds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventSerializer serializer;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FeedSettings settings;

    Personas p;

    @BeforeEach
    void personas() {
        p = factory.create();
    }

    @Test
    void addsPostToFollowersHomeFeedOnly() {
        follow.handle(p.bob.viewer(), p.alice.id());
        var post = post(p.alice, "Quarterly numbers are in");
        await().until(() -> home(p.bob).contains(post.id()));
        assertThat(home(p.alice)).contains(post.id());
        assertThat(home(p.eve)).doesNotContain(post.id());
    }

    @Test
    void bringsFollowedHashtagsIntoTheHomeFeed() {
        followTag.handle(p.eve.viewer(), "#Launch");
        var tagged = post(p.tom, "Ready for #launch");
        var untagged = post(p.tom, "Lunch at noon");
        await().until(() -> home(p.eve).contains(tagged.id()));
        assertThat(home(p.eve)).doesNotContain(untagged.id());
    }

    @Test
    void showsARepostedPostOnceWhenTwoFolloweesRepostIt() {
        follow.handle(p.eve.viewer(), p.bob.id());
        follow.handle(p.eve.viewer(), p.tom.id());
        var post = post(p.alice, "Worth sharing");
        var first = repostPost.handle(p.bob.viewer(), post.id());
        var second = repostPost.handle(p.tom.viewer(), post.id());
        // The two reposts are delivered independently, in either order: whichever arrives first is shown.
        await().until(() -> home(p.eve).contains(first.id()) || home(p.eve).contains(second.id()));
        await().during(Duration.ofMillis(300))
                .until(() -> !(home(p.eve).contains(first.id()) && home(p.eve).contains(second.id())));
        var shown = homeViews(p.eve).stream()
                .filter(v -> v.shown().post().id() == post.id())
                .toList();
        assertThat(shown).hasSize(1);
    }

    @Test
    void addsNoRepostOfAPostTheFeedHolds() {
        follow.handle(p.eve.viewer(), p.alice.id());
        follow.handle(p.eve.viewer(), p.bob.id());
        var post = post(p.alice, "Roadmap draft");
        await().until(() -> home(p.eve).contains(post.id()));
        var repost = repostPost.handle(p.bob.viewer(), post.id());
        // Bob's own feed takes his repost in the same statement as his followers' feeds.
        await().until(() -> home(p.bob).contains(repost.id()));
        assertThat(home(p.eve)).contains(post.id()).doesNotContain(repost.id());
        assertThat(timesShown(p.eve, post.id())).isEqualTo(1);
    }

    @Test
    void backfillsNeitherAPostHeldAsARepostNorARepostOfAPostHeld() {
        follow.handle(p.eve.viewer(), p.bob.id());
        var earlier = post(p.alice, "Kick-off notes");
        var agenda = post(p.alice, "Offsite agenda");
        var bobs = repostPost.handle(p.bob.viewer(), agenda.id());
        await().until(() -> home(p.eve).contains(bobs.id()));
        follow.handle(p.eve.viewer(), p.alice.id());
        await().until(() -> home(p.eve).contains(earlier.id()));
        assertThat(home(p.eve)).doesNotContain(agenda.id());
        assertThat(timesShown(p.eve, agenda.id())).isEqualTo(1);

        var hiring = post(p.alice, "Hiring update");
        await().until(() -> home(p.eve).contains(hiring.id()));
        var toms = repostPost.handle(p.tom.viewer(), hiring.id());
        var tomsEarlier = post(p.tom, "Release train boards at nine");
        follow.handle(p.eve.viewer(), p.tom.id());
        await().until(() -> home(p.eve).contains(tomsEarlier.id()));
        assertThat(home(p.eve)).contains(hiring.id()).doesNotContain(toms.id());
        assertThat(timesShown(p.eve, hiring.id())).isEqualTo(1);
    }

    @Test
    void backfillsOnFollowAndRemovesOnUnfollow() {
        var earlier = post(p.tom, "Posted before anyone followed");
        follow.handle(p.eve.viewer(), p.tom.id());
        await().until(() -> home(p.eve).contains(earlier.id()));
        unfollow.handle(p.eve.viewer(), p.tom.id());
        await().until(() -> !home(p.eve).contains(earlier.id()));
    }

    @Test
    void dropsDeletedPostsFromFeeds() {
        follow.handle(p.bob.viewer(), p.tom.id());
        var post = post(p.tom, "Typo-ridden");
        await().until(() -> home(p.bob).contains(post.id()));
        deletePost.handle(p.tom.viewer(), post.id());
        assertThat(home(p.bob)).doesNotContain(post.id());
    }

    @Test
    void mergesAuthorsWithVeryManyFollowersAtReadTime() {
        follow.handle(p.bob.viewer(), p.alice.id());
        var post = post(p.alice, "An all-hands note");
        await().until(() -> home(p.bob).contains(post.id()));
        // As if alice had more followers than the fan-out limit: her posts are not in bob's stored feed...
        feeds.removeAuthor(p.bob.id(), p.alice.id());
        var page = PageRequest.first(40);
        assertThat(ids(feeds.home(p.bob.viewer(), page, Integer.MAX_VALUE))).doesNotContain(post.id());
        // ...and still reach him, merged in when he reads.
        assertThat(ids(feeds.home(p.bob.viewer(), page, 0))).contains(post.id());
        assertThat(ids(feeds.home(p.eve.viewer(), page, 0))).doesNotContain(post.id());
    }

    @Test
    void doesNotFanOutAuthorsAboveTheLimit() {
        follow.handle(p.bob.viewer(), p.alice.id());
        home(p.alice);
        var post = post(p.alice, "Too many followers to push to");
        await().until(() -> home(p.bob).contains(post.id()));
        feeds.removeEntries(List.of(post.id()));
        feeds.fanOut(
                p.networkId,
                post.id(),
                post.id(),
                p.alice.id(),
                new FeedStore.Recipients(true, false, null, List.of()),
                List.of(),
                0);
        var page = PageRequest.first(40);
        assertThat(ids(feeds.home(p.bob.viewer(), page, Integer.MAX_VALUE))).doesNotContain(post.id());
        assertThat(ids(feeds.home(p.alice.viewer(), page, Integer.MAX_VALUE))).contains(post.id());
    }

    @Test
    void writesAnEntryToTheFeedsOfLiveReadersFirstAndThenToEveryFeedOnce() {
        follow.handle(p.bob.viewer(), p.alice.id());
        follow.handle(p.eve.viewer(), p.alice.id());
        home(p.eve);
        home(p.alice);
        var post = post(p.alice, "An all-hands note");
        await().until(() -> home(p.bob).contains(post.id()) && home(p.eve).contains(post.id()));
        feeds.removeEntries(List.of(post.id()));
        var entry = toFollowers(post, p.alice);
        var page = PageRequest.first(40);

        // Only bob, listening live, has it...
        feeds.fanOut(List.of(entry), Integer.MAX_VALUE, Set.of(post.id()), List.of(p.bob.id()));
        assertThat(ids(feeds.home(p.bob.viewer(), page, Integer.MAX_VALUE))).contains(post.id());
        assertThat(ids(feeds.home(p.eve.viewer(), page, Integer.MAX_VALUE))).doesNotContain(post.id());
        assertThat(ids(feeds.home(p.alice.viewer(), page, Integer.MAX_VALUE))).doesNotContain(post.id());
        // ...until the rest is written.
        feeds.fanOut(List.of(entry), Integer.MAX_VALUE);
        for (var reader : List.of(p.alice, p.bob, p.eve))
            assertThat(ids(feeds.home(reader.viewer(), page, Integer.MAX_VALUE)))
                    .containsOnlyOnce(post.id());
    }

    @Test
    void aBatchWithAnEntryForLiveReadersFirstBringsItsOtherEntriesToEveryFeed() {
        follow.handle(p.bob.viewer(), p.alice.id());
        follow.handle(p.eve.viewer(), p.alice.id());
        follow.handle(p.eve.viewer(), p.tom.id());
        for (var reader : List.of(p.bob, p.eve, p.tom)) home(reader);
        var alices = post(p.alice, "An all-hands note");
        var toms = post(p.tom, "Lunch at noon");
        await().until(() -> home(p.eve).containsAll(List.of(alices.id(), toms.id())));
        feeds.removeEntries(List.of(alices.id(), toms.id()));
        var batch = List.of(toFollowers(alices, p.alice), toFollowers(toms, p.tom));

        feeds.fanOut(batch, Integer.MAX_VALUE, Set.of(alices.id()), List.of(p.bob.id()));

        var page = PageRequest.first(40);
        assertThat(ids(feeds.home(p.bob.viewer(), page, Integer.MAX_VALUE))).contains(alices.id());
        assertThat(ids(feeds.home(p.eve.viewer(), page, Integer.MAX_VALUE)))
                .contains(toms.id())
                .doesNotContain(alices.id());
        assertThat(ids(feeds.home(p.tom.viewer(), page, Integer.MAX_VALUE))).contains(toms.id());
    }

    @Test
    void theSecondPartOfALiveFirstFanOutWaitsItsPauseThenReachesEveryFeed() {
        follow.handle(p.bob.viewer(), p.alice.id());
        follow.handle(p.eve.viewer(), p.alice.id());
        for (var reader : List.of(p.bob, p.eve)) home(reader);
        var alices = post(p.alice, "An all-hands note");
        await().until(() -> home(p.eve).contains(alices.id()));
        feeds.removeEntries(List.of(alices.id()));
        var entry = toFollowers(alices, p.alice);
        feeds.fanOut(List.of(entry), Integer.MAX_VALUE, Set.of(alices.id()), List.of(p.bob.id()));
        assertThat(home(p.eve)).doesNotContain(alices.id());

        long start = System.nanoTime();
        transactions.executeWithoutResult(tx -> events.publishEvent(new FannedOutLiveFirst(List.of(entry))));

        await().pollInterval(Duration.ofMillis(10)).until(() -> home(p.eve).contains(alices.id()));
        assertThat(settings.restAfter()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(settings.restAfter());
        assertThat(home(p.eve)).containsOnlyOnce(alices.id());
        assertThat(home(p.bob)).containsOnlyOnce(alices.id());
    }

    @Test
    void theRestOfALiveFirstFanOutIsKeptInTheRegistryAsItWasPublished() {
        // What a restart resubmits is read back from its stored form.
        var rest = new FannedOutLiveFirst(List.of(new FeedStore.FanOut(
                p.networkId,
                7L,
                5L,
                p.alice.id(),
                new FeedStore.Recipients(true, true, 11L, List.of(p.bob.id())),
                List.of("rollout"))));
        assertThat(serializer.deserialize(serializer.serialize(rest), FannedOutLiveFirst.class))
                .isEqualTo(rest);
    }

    @Test
    void drainsTheEventOutboxOnceListenersSucceed() {
        follow.handle(p.bob.viewer(), p.tom.id());
        var post = post(p.tom, "Outbox check");
        await().until(() -> home(p.bob).contains(post.id()));
        await().until(() -> jdbc.sql("select count(*) from event_publication")
                        .query(Integer.class)
                        .single()
                == 0);
    }

    @Test
    void trimsEachFeedToItsNewestEntries() {
        follow.handle(p.bob.viewer(), p.eve.id());
        assertThat(home(p.alice)).isEmpty();
        var posts = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) posts.add(post(p.eve, "note " + i).id());
        await().until(() -> home(p.eve).size() == 5 && home(p.bob).size() == 5);
        var newest = posts.reversed().subList(0, 3);

        // The database is shared with other tests' networks: their feeds are trimmed too.
        assertThat(feeds.trim(3)).isGreaterThanOrEqualTo(4);

        for (var reader : List.of(p.eve, p.bob))
            assertThat(ids(feeds.home(reader.viewer(), PageRequest.first(40), Integer.MAX_VALUE)))
                    .containsExactlyElementsOf(newest);
        assertThat(home(p.alice)).isEmpty();
        feeds.trim(3);
        assertThat(ids(feeds.home(p.eve.viewer(), PageRequest.first(40), Integer.MAX_VALUE)))
                .containsExactlyElementsOf(newest);
    }

    /** The fan-out's entry of an original post for its author's followers. */
    private FeedStore.FanOut toFollowers(Post post, Persona author) {
        var followers = new FeedStore.Recipients(true, false, null, List.of());
        return new FeedStore.FanOut(p.networkId, post.id(), post.id(), author.id(), followers, List.of());
    }

    private Post post(Persona author, String text) {
        return createPost.handle(
                author.viewer(), new CreatePost.Command(text, null, "public", null, false, null, null));
    }

    private List<Long> home(Persona reader) {
        return homeViews(reader).stream().map(v -> v.post().id()).toList();
    }

    private List<PostView> homeViews(Persona reader) {
        return homeFeed.handle(reader.viewer(), PageRequest.first(40)).items();
    }

    private long timesShown(Persona reader, long postId) {
        return homeViews(reader).stream()
                .filter(v -> v.shown().post().id() == postId)
                .count();
    }

    private static List<Long> ids(List<FeedStore.Entry> entries) {
        return entries.stream().map(FeedStore.Entry::postId).toList();
    }
}
