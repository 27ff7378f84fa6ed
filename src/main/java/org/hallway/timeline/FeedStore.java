package org.hallway.timeline;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;

/** Port: feed storage and the feed queries, each with the audience check inside the query. */
public interface FeedStore {
    /** A selected entry: its cursor (for paging) and the post to show. */
    record Entry(long cursor, long postId) {}

    /**
     * Who a new entry goes to besides its author: the author's followers (unless too many), followers of
     * its hashtags when it is company-wide, the members of a group, the participants of a direct message.
     */
    record Recipients(boolean followers, boolean tagFollowers, @Nullable Long groupId, List<Long> accounts) {}

    /** One entry to push: a post (or repost, {@code entryId}) of {@code postId}'s original, and its readers. */
    record FanOut(long networkId, long entryId, long postId, long authorId, Recipients recipients, List<String> tags) {}

    /** An entry that a reader's stored home feed holds. */
    record Held(long accountId, long entryId) {}

    /** Pushes a post into the kept home feeds of its author and its recipients. */
    default List<Held> fanOut(
            long networkId,
            long entryId,
            long postId,
            long authorId,
            Recipients recipients,
            List<String> tags,
            int fanOutLimit) {
        return fanOut(List.of(new FanOut(networkId, entryId, postId, authorId, recipients, tags)), fanOutLimit);
    }

    /**
     * Pushes several posts into the home feeds of their authors and recipients at once, in one statement.
     * Returns the feeds it wrote each entry to (none held it before).
     */
    default List<Held> fanOut(List<FanOut> entries, int fanOutLimit) {
        return fanOut(entries, fanOutLimit, Set.of(), List.of());
    }

    /**
     * {@link #fanOut(List, int)}, except that the entries named in {@code liveFirst} go only to the feeds
     * of the {@code live} readers for now (ADR 0066); a later {@code fanOut} brings them to every feed.
     */
    List<Held> fanOut(List<FanOut> entries, int fanOutLimit, Set<Long> liveFirst, Collection<Long> live);

    /**
     * Keeps the reader's home feed (ADR 0055): new posts are fanned out to it from now on; notes that
     * it was read at {@code at}. True when it owes a {@link #rebuild}: it was not kept before, or its
     * rebuild never committed. The note commits on its own, without waiting for the disk (ADR
     * 0073).
     */
    boolean keep(long networkId, long accountId, Instant at);

    /**
     * Replaces the reader's stored home feed by its newest {@code capacity} entries from its sources: own
     * posts, posts and reposts by the people followed (below the fan-out limit), the groups' posts,
     * followed hashtags' company-wide posts, direct messages; each post once. Does nothing when no
     * rebuild is owed (a concurrent read's has committed): the first to claim it rebuilds, the other waits.
     */
    void rebuild(long networkId, long accountId, int capacity, int fanOutLimit);

    /**
     * Lets go of at most {@code limit} home feeds not read since {@code before}: no longer kept, their
     * entries removed. Returns their readers.
     */
    List<Long> letGo(Instant before, int limit);

    /** Lets go of one reader's home feed (one whose rebuild failed, so that the next read tries again). */
    void letGo(long accountId);

    /** Brings a group's recent posts into a new member's home feed. */
    void backfillGroup(long networkId, long accountId, long groupId, int count);

    /** Takes a group's posts (but the member's own) out of a former member's home feed. */
    void removeGroup(long accountId, long groupId);

    List<Entry> group(Viewer viewer, long groupId, PageRequest page);

    /** A group's pinned posts that the viewer may see, most recently pinned first. */
    List<Long> pinned(Viewer viewer, long groupId);

    void backfill(long networkId, long followerId, long followeeId, int count);

    void removeAuthor(long followerId, long authorId);

    void removeEntries(List<Long> entryIds);

    int trim(int capacity);

    List<Entry> home(Viewer viewer, PageRequest page, int fanOutLimit);

    /**
     * The newest entry ids of a reader's stored home feed, newest first, at most {@code limit}, and whether
     * the reader has a mute that ends by itself (whose answers are not kept, ADR 0049): both are needed
     * for a reader's first page, and are asked together.
     */
    StoredHome storedHome(long accountId, int limit);

    record StoredHome(List<Long> entryIds, boolean timedMutes) {}

    /**
     * The home feed page for a window whose stored entries are exactly the given candidates (the
     * reader's feed kept in memory): the audience, mute/block and exclusive-list checks of {@link #home}
     * applied to the candidates, merged with the posts of widely followed authors in the same window.
     * Without {@code anyAboveLimit} (nobody in the network has more followers than the fan-out limit)
     * there are no such posts, and the statement leaves that branch out.
     */
    List<Entry> homeAmong(Viewer viewer, long[] candidates, PageRequest window, int fanOutLimit, boolean anyAboveLimit);

    /** Of the candidates, those whose home feed shows each post (see {@link FindHomeReaders}): one query. */
    Map<Long, Set<Long>> homeReaders(
            long networkId, Collection<Long> postIds, Collection<Long> candidates, int fanOutLimit);

    /** {@link #homeReaders} for one post. */
    default Set<Long> homeReaders(long networkId, long postId, Collection<Long> candidates, int fanOutLimit) {
        return homeReaders(networkId, List.of(postId), candidates, fanOutLimit).getOrDefault(postId, Set.of());
    }

    /**
     * Of the candidates, those who may see the post and have not hidden it (its audience, mutes and
     * blocks): the rest of the home feed rule, for readers whose feeds are known to hold the post.
     */
    Set<Long> shownTo(long networkId, long postId, Collection<Long> candidates);

    List<Entry> company(Viewer viewer, PageRequest page);

    List<Entry> tag(Viewer viewer, String tag, PageRequest page);

    List<Entry> profile(
            Viewer viewer, long accountId, boolean excludeReplies, boolean excludeReblogs, PageRequest page);

    List<Entry> mentions(Viewer viewer, PageRequest page);

    List<Entry> likes(Viewer viewer, PageRequest page);

    List<Entry> bookmarks(Viewer viewer, PageRequest page);

    List<Long> ancestors(Viewer viewer, long postId);

    List<Long> descendants(Viewer viewer, long postId);
}
