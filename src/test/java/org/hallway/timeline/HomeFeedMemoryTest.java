package org.hallway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.hallway.audience.AudienceChanges;
import org.hallway.follow.BlockAccount;
import org.hallway.follow.FollowAccount;
import org.hallway.follow.FollowStore;
import org.hallway.follow.MuteAccount;
import org.hallway.follow.RelationStore;
import org.hallway.follow.UnfollowAccount;
import org.hallway.follow.UnmuteAccount;
import org.hallway.groups.AddMembers;
import org.hallway.groups.CreateGroup;
import org.hallway.groups.LeaveGroup;
import org.hallway.groups.Member;
import org.hallway.posts.CreatePost;
import org.hallway.posts.DeletePost;
import org.hallway.posts.Post;
import org.hallway.shared.PageRequest;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.hallway.testing.Personas.Persona;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Home feeds kept in memory (ADR 0036). Each test reads the home feed first, so the reader's ids are
 * held in memory, then changes something and reads again: what the stored feed and the audience say
 * must show, at once for what decides visibility, after the feed's own listener for what reshapes it.
 */
class HomeFeedMemoryTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    @Autowired
    CreatePost createPost;

    @Autowired
    DeletePost deletePost;

    @Autowired
    FollowAccount follow;

    @Autowired
    UnfollowAccount unfollow;

    @Autowired
    MuteAccount mute;

    @Autowired
    BlockAccount block;

    @Autowired
    UnmuteAccount unmute;

    @Autowired
    UpdateList updateList;

    @Autowired
    RelationStore relations;

    @Autowired
    AudienceChanges audience;

    @Autowired
    CreateGroup createGroup;

    @Autowired
    AddMembers addMembers;

    @Autowired
    LeaveGroup leaveGroup;

    @Autowired
    CreateList createList;

    @Autowired
    ChangeListMembers listMembers;

    @Autowired
    ReadHomeFeed homeFeed;

    @Autowired
    FeedStore feeds;

    @Autowired
    @Qualifier("jdbcFeedStore")
    FeedStore stored;

    @Autowired
    FeedSettings settings;

    @Autowired
    FollowStore follows;

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
    void aNewPostJoinsAFeedHeldInMemory() {
        follow.handle(p.bob.viewer(), p.alice.id());
        var first = post(p.alice, "First of two");
        await().until(() -> home(p.bob).contains(first.id()));
        var second = post(p.alice, "Second of two");
        await().until(() -> home(p.bob).contains(second.id()));
        assertThat(home(p.bob)).containsSubsequence(second.id(), first.id());
    }

    @Test
    void aFollowBringsTheFolloweesPostsIntoAFeedHeldInMemory() {
        var earlier = post(p.tom, "Posted before eve followed");
        assertThat(home(p.eve)).doesNotContain(earlier.id());
        follow.handle(p.eve.viewer(), p.tom.id());
        await().until(() -> home(p.eve).contains(earlier.id()));
    }

    @Test
    void anUnfollowTakesTheirPostsOutOfAFeedHeldInMemory() {
        follow.handle(p.eve.viewer(), p.tom.id());
        var post = post(p.tom, "Soon unfollowed");
        await().until(() -> home(p.eve).contains(post.id()));
        unfollow.handle(p.eve.viewer(), p.tom.id());
        await().until(() -> !home(p.eve).contains(post.id()));
    }

    @Test
    void leavingASecretGroupHidesItsPostsOnTheVeryNextRead() {
        var group = createGroup.handle(p.alice.viewer(), new CreateGroup.Command("Merger talks", null, "secret"));
        addMembers.handle(p.alice.viewer(), group.id(), List.of(p.eve.id()), Member.Role.MEMBER);
        var post = createPost.handle(
                p.alice.viewer(),
                new CreatePost.Command("Term sheet draft", null, "group", null, false, null, null, group.id()));
        await().until(() -> home(p.eve).contains(post.id()));
        leaveGroup.handle(p.eve.viewer(), group.id());
        assertThat(home(p.eve)).doesNotContain(post.id());
    }

    @Test
    void joiningAGroupBringsItsPostsIntoAFeedHeldInMemory() {
        var group = createGroup.handle(p.alice.viewer(), new CreateGroup.Command("Offsite", null, "secret"));
        var post = createPost.handle(
                p.alice.viewer(),
                new CreatePost.Command("Agenda for the offsite", null, "group", null, false, null, null, group.id()));
        assertThat(home(p.eve)).doesNotContain(post.id());
        addMembers.handle(p.alice.viewer(), group.id(), List.of(p.eve.id()), Member.Role.MEMBER);
        await().until(() -> home(p.eve).contains(post.id()));
    }

    @Test
    void aMuteABlockAndAnExclusiveListShowOnTheVeryNextRead() {
        follow.handle(p.eve.viewer(), p.tom.id());
        follow.handle(p.eve.viewer(), p.bob.id());
        follow.handle(p.eve.viewer(), p.alice.id());
        var byTom = post(p.tom, "Tom's note");
        var byBob = post(p.bob, "Bob's note");
        var byAlice = post(p.alice, "Alice's note");
        await().until(() -> home(p.eve).containsAll(List.of(byTom.id(), byBob.id(), byAlice.id())));

        mute.handle(p.eve.viewer(), new MuteAccount.Command(p.tom.id(), true, 0));
        assertThat(home(p.eve)).doesNotContain(byTom.id()).contains(byBob.id());

        block.handle(p.bob.viewer(), p.eve.id());
        assertThat(home(p.eve)).doesNotContain(byBob.id()).contains(byAlice.id());

        var list = createList.handle(p.eve.viewer(), new CreateList.Command("Leadership", null, true));
        listMembers.add(p.eve.viewer(), list.id(), List.of(p.alice.id()));
        assertThat(home(p.eve)).doesNotContain(byAlice.id());
    }

    @Test
    void anUnmuteAndAListChangeShowOnTheVeryNextRead() {
        follow.handle(p.eve.viewer(), p.tom.id());
        follow.handle(p.eve.viewer(), p.alice.id());
        var byTom = post(p.tom, "Tom's second note");
        var byAlice = post(p.alice, "Alice's second note");
        await().until(() -> home(p.eve).containsAll(List.of(byTom.id(), byAlice.id())));
        mute.handle(p.eve.viewer(), new MuteAccount.Command(p.tom.id(), true, 0));
        var list = createList.handle(p.eve.viewer(), new CreateList.Command("Leadership", null, true));
        listMembers.add(p.eve.viewer(), list.id(), List.of(p.alice.id()));
        // Read twice: the second read is answered from what the first one kept.
        assertThat(home(p.eve)).doesNotContain(byTom.id(), byAlice.id());
        assertThat(home(p.eve)).doesNotContain(byTom.id(), byAlice.id());

        unmute.handle(p.eve.viewer(), p.tom.id());
        assertThat(home(p.eve)).contains(byTom.id()).doesNotContain(byAlice.id());

        updateList.handle(p.eve.viewer(), list.id(), new UpdateList.Command("Leadership", null, false));
        assertThat(home(p.eve)).contains(byAlice.id());

        updateList.handle(p.eve.viewer(), list.id(), new UpdateList.Command("Leadership", null, true));
        assertThat(home(p.eve)).doesNotContain(byAlice.id());
        listMembers.remove(p.eve.viewer(), list.id(), List.of(p.alice.id()));
        assertThat(home(p.eve)).contains(byAlice.id());
    }

    @Test
    void aDeletedPostLeavesAFeedHeldInMemoryAtOnce() {
        follow.handle(p.bob.viewer(), p.tom.id());
        var post = post(p.tom, "Posted by mistake");
        await().until(() -> home(p.bob).contains(post.id()));
        deletePost.handle(p.tom.viewer(), post.id());
        assertThat(home(p.bob)).doesNotContain(post.id());
    }

    @Test
    void pagesAFeedLongerThanMemoryHoldsAsStorageDoes() {
        // A store that holds only three entries per reader: pages reach below it into storage.
        var small = new CachedFeedStore(
                stored,
                new FeedSettings(
                        3, settings.fanOutLimit(), settings.keepFor(), settings.liveFirstAbove(), settings.restAfter()),
                follows,
                relations,
                audience);
        follow.handle(p.eve.viewer(), p.tom.id());
        follow.handle(p.eve.viewer(), p.bob.id());
        var posted = new ArrayList<Long>();
        for (int i = 0; i < 9; i++)
            posted.add(post(i % 3 == 0 ? p.bob : p.tom, "note " + i).id());
        await().until(() -> ids(stored.home(p.eve.viewer(), PageRequest.first(40), settings.fanOutLimit()))
                .containsAll(posted));
        mute.handle(p.eve.viewer(), new MuteAccount.Command(p.bob.id(), true, 0));

        var expected = ids(stored.home(p.eve.viewer(), PageRequest.first(40), settings.fanOutLimit()));
        assertThat(expected).hasSize(6);
        assertThat(pageThrough(small, 2)).isEqualTo(expected);
        assertThat(pageThrough(feeds, 2)).isEqualTo(expected);
        assertThat(pageThrough(feeds, 1)).isEqualTo(expected);
        for (var store : List.of(small, feeds)) {
            // min_id: the entries just above it, oldest first, shown newest first.
            var page = new PageRequest(null, null, expected.get(5), 2);
            assertThat(ids(store.home(p.eve.viewer(), page, settings.fanOutLimit())))
                    .isEqualTo(expected.subList(3, 5));
            var since = new PageRequest(null, expected.get(2), null, 40);
            assertThat(ids(store.home(p.eve.viewer(), since, settings.fanOutLimit())))
                    .isEqualTo(expected.subList(0, 2));
        }
    }

    @Test
    void memoryHoldsTheNewestEntriesOfALongFeedAndStorageTheRest() {
        // The stored feed holds all of them (its capacity is 800); memory only the newest HELD.
        var fresh = new CachedFeedStore(stored, settings, follows, relations, audience);
        var posted = new ArrayList<Long>();
        for (int i = 0; i < CachedFeedStore.HELD + 15; i++)
            posted.addFirst(post(p.eve, "entry " + i).id());
        await().until(() -> pageThrough(stored, 100).size() == posted.size());

        assertThat(pageThrough(fresh, 40)).isEqualTo(posted);
        assertThat(pageThrough(fresh, 40)).isEqualTo(posted);
        var across = new PageRequest(posted.get(CachedFeedStore.HELD - 6), null, null, 10);
        assertThat(ids(fresh.home(p.eve.viewer(), across, settings.fanOutLimit())))
                .isEqualTo(posted.subList(CachedFeedStore.HELD - 5, CachedFeedStore.HELD + 5));
    }

    @Test
    void postsBeyondTheCapacityKeepTheNewestInMemory() {
        var small = new CachedFeedStore(
                stored,
                new FeedSettings(
                        3, settings.fanOutLimit(), settings.keepFor(), settings.liveFirstAbove(), settings.restAfter()),
                follows,
                relations,
                audience);
        var first = PageRequest.first(40);
        assertThat(small.home(p.eve.viewer(), first, settings.fanOutLimit())).isEmpty();
        // By a colleague nobody follows, so that this store's fan-out alone brings the posts to eve's
        // feed: it learns of the rows it wrote, not of rows the application's own fan-out wrote first.
        var author = p.add("faye", "Faye Field", "Analyst", "Finance", "Paris", null);
        var posted = new ArrayList<Long>();
        for (int i = 0; i < 70; i++) {
            var post = post(author, "entry " + i);
            small.fanOut(
                    p.networkId,
                    post.id(),
                    post.id(),
                    author.id(),
                    new FeedStore.Recipients(false, false, null, List.of(p.eve.id())),
                    List.of(),
                    settings.fanOutLimit());
            posted.addFirst(post.id());
        }
        var expected = ids(stored.home(p.eve.viewer(), first, settings.fanOutLimit()));
        assertThat(expected).isEqualTo(posted.subList(0, 40));
        assertThat(ids(small.home(p.eve.viewer(), first, settings.fanOutLimit())))
                .isEqualTo(expected);
        var older = new PageRequest(posted.get(39), null, null, 40);
        assertThat(ids(small.home(p.eve.viewer(), older, settings.fanOutLimit())))
                .isEqualTo(posted.subList(40, 70));
    }

    @Test
    void anAuthorPassingTheFanOutLimitIsReadAtReadTimeFromTheVeryNextFollow() {
        follow.handle(p.bob.viewer(), p.alice.id());
        var post = post(p.alice, "From before the crowd came");
        await().until(() -> home(p.bob).contains(post.id()));
        // As if alice had passed a fan-out limit of one follower when she posted: not in bob's feed.
        feeds.removeAuthor(p.bob.id(), p.alice.id());
        var page = PageRequest.first(40);
        assertThat(ids(feeds.home(p.bob.viewer(), page, 1))).doesNotContain(post.id());

        // Her second follower takes her past the limit: her posts are merged in on the very next read.
        follow.handle(p.eve.viewer(), p.alice.id());
        assertThat(ids(feeds.home(p.bob.viewer(), page, 1))).contains(post.id());

        // Back at the limit, nobody is above it, and nothing is read at read time again.
        unfollow.handle(p.eve.viewer(), p.alice.id());
        assertThat(ids(feeds.home(p.bob.viewer(), page, 1))).doesNotContain(post.id());
    }

    private List<Long> pageThrough(FeedStore store, int limit) {
        var all = new ArrayList<Long>();
        Long max = null;
        while (true) {
            var page = ids(store.home(p.eve.viewer(), new PageRequest(max, null, null, limit), settings.fanOutLimit()));
            if (page.isEmpty()) return all;
            all.addAll(page);
            max = page.getLast();
        }
    }

    private Post post(Persona author, String text) {
        return createPost.handle(
                author.viewer(), new CreatePost.Command(text, null, "public", null, false, null, null));
    }

    private List<Long> home(Persona reader) {
        return homeFeed.handle(reader.viewer(), PageRequest.first(40)).items().stream()
                .map(v -> v.post().id())
                .toList();
    }

    private static List<Long> ids(List<FeedStore.Entry> entries) {
        return entries.stream().map(FeedStore.Entry::postId).toList();
    }
}
