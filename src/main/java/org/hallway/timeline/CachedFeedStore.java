package org.hallway.timeline;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.audience.AudienceChanges;
import org.hallway.follow.FollowStore;
import org.hallway.follow.RelationStore;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.Caches;
import org.hallway.shared.HeapShare;
import org.hallway.shared.PageRequest;
import org.hallway.shared.SpreadLifetime;
import org.hallway.shared.Viewer;
import org.hallway.shared.WritingTransaction;
import org.hallway.timeline.internal.HomeIds;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps the home feeds of active readers in memory as sorted entry ids (ADR 0036), the newest {@link
 * #HELD} of each (ADR 0067), so a home page needs no walk of the stored feed: the page's candidate ids
 * come from memory and one query checks them by primary key with the same audience, mute/block and
 * exclusive-list conditions as before, merged with the posts of widely followed authors. What a reader
 * may see is decided at every read.
 *
 * <p>A reader's ids are read from storage on their first home page, then kept: a fanned-out entry is
 * added once its fan-out has committed (before {@link PostFannedOut} reaches live streams); deleted entries are removed; every other
 * write of a reader's stored feed (a follow's or group join's backfill, an unfollow, leaving a group)
 * forgets that reader's ids, at once and again when its transaction ends; a trim cuts every list. A
 * page that reaches below what memory holds of a longer stored feed is read from storage as before.
 *
 * <p>Beside the ids it keeps what that check answered (ADR 0049), under the reader's audience epoch: a
 * page whose candidates all have an answer under the reader's current epoch is decided without a
 * query. Every write of an audience fact gives the readers it concerns a new epoch ({@link
 * AudienceChanges}). Nothing is kept while an author passes the fan-out limit (their posts are merged
 * at read time), nor for a reader with a mute that ends by itself (time changes what it hides).
 */
@Primary
@Component
class CachedFeedStore implements FeedStore {
    /** Bounds memory, 10% of the heap: with the run line's 640 MiB, the newest ids of about 25,000 feeds. */
    private static final long MAX_WEIGHT = HeapShare.percent(10);

    /**
     * The newest entries of a feed held in memory: ten pages of 20, what readers scroll through; a page
     * below them is read from the stored feed (up to its capacity) as before.
     */
    static final int HELD = 200;

    private final FeedStore store;
    private final FollowStore follows;
    private final RelationStore relations;
    private final AudienceChanges audience;
    private final int held;
    private final Cache<Long, HomeIds> homes;

    /**
     * Readers whose feed was confirmed kept within the hour (ADR 0055; half the keep period when that is
     * shorter): reading again costs no statement, so the read is noted at most once an hour. Such a
     * reader's noted read is recent, so no feed is let go while its reader is remembered here; letting
     * one go forgets its reader all the same. A reader is remembered from two thirds of that time to all
     * of it (ADR 0075), so the readers of a morning's first minutes are not noted again all at once.
     */
    private final Cache<Long, Boolean> kept;

    /** Whether a reader has a mute that ends by itself, per reader and audience epoch (a mute renews it). */
    private final Cache<ReaderEpoch, Boolean> timedMutes = Caches.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private record ReaderEpoch(long reader, long epoch) {}

    CachedFeedStore(
            @Qualifier("jdbcFeedStore") FeedStore store,
            FeedSettings settings,
            FollowStore follows,
            RelationStore relations,
            AudienceChanges audience) {
        this.store = store;
        this.follows = follows;
        this.relations = relations;
        this.audience = audience;
        this.held = Math.min(HELD, settings.capacity());
        var confirmed = Duration.ofHours(1);
        if (settings.keepFor().compareTo(confirmed.multipliedBy(2)) < 0)
            confirmed = settings.keepFor().dividedBy(2);
        this.kept = Caches.newBuilder()
                .maximumSize(100_000)
                .expireAfter(SpreadLifetime.<Long, Boolean>afterWrite(confirmed, Long::longValue))
                .build();
        int weight = HomeIds.weight(held);
        this.homes = Caches.newBuilder()
                .maximumWeight(MAX_WEIGHT)
                .weigher((Long reader, HomeIds ids) -> weight)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    @Override
    public List<Entry> home(Viewer viewer, PageRequest page, int fanOutLimit) {
        long reader = viewer.accountId();
        var ids = homes.get(reader, r -> new HomeIds(held));
        ids.loadIfNeeded(() -> {
            // Filed under the epoch taken before asking, as every answer kept for a reader (AudienceChanges).
            long epoch = audience.epoch(reader);
            var stored = store.storedHome(reader, held + 1);
            timedMutes.put(new ReaderEpoch(reader, epoch), stored.timedMutes());
            return stored.entryIds();
        });
        return page.ascending()
                ? oldestFirst(ids, viewer, page, fanOutLimit)
                : newestFirst(ids, viewer, page, fanOutLimit);
    }

    /** A page back in time (max_id, since_id): windows from the top down until the page is full. */
    private List<Entry> newestFirst(HomeIds ids, Viewer viewer, PageRequest page, int fanOutLimit) {
        long max = page.upperBound();
        long min = page.lowerBound();
        var result = new ArrayList<Entry>(page.limit());
        boolean anyAbove = anyAboveLimit(viewer, fanOutLimit);
        int chunk = 2 * page.limit();
        while (result.size() < page.limit()) {
            int wanted = page.limit() - result.size();
            if (!ids.complete() && max <= ids.oldest()) {
                // Below what memory holds of a longer stored feed: storage answers, as before.
                result.addAll(store.home(viewer, new PageRequest(bound(max), min, null, wanted), fanOutLimit));
                break;
            }
            var candidates = ids.below(max, min, chunk);
            // The window these candidates cover exactly: down to the last one when more are held below
            // it, else down to the oldest held entry (storage continues below) or to the page's bound.
            long floor =
                    candidates.more() ? candidates.last() - 1 : ids.complete() ? min : Math.max(min, ids.oldest() - 1);
            result.addAll(among(
                    ids,
                    viewer,
                    candidates.ids(),
                    new PageRequest(bound(max), floor, null, wanted),
                    fanOutLimit,
                    anyAbove));
            if (floor <= min) break;
            max = floor + 1;
            chunk *= 2;
        }
        return result;
    }

    /** A page just above min_id, oldest first, shown newest first. */
    private List<Entry> oldestFirst(HomeIds ids, Viewer viewer, PageRequest page, int fanOutLimit) {
        long min = page.lowerBound();
        long max = page.upperBound();
        if (!ids.complete() && min < ids.oldest()) return store.home(viewer, page, fanOutLimit);
        var ascending = new ArrayList<Entry>(page.limit());
        boolean anyAbove = anyAboveLimit(viewer, fanOutLimit);
        int chunk = 2 * page.limit();
        while (ascending.size() < page.limit()) {
            int wanted = page.limit() - ascending.size();
            var candidates = ids.above(min, max, chunk);
            long ceiling = candidates.more() ? candidates.last() + 1 : max;
            ascending.addAll(among(
                            ids,
                            viewer,
                            candidates.ids(),
                            new PageRequest(bound(ceiling), null, min, wanted),
                            fanOutLimit,
                            anyAbove)
                    .reversed());
            if (ceiling >= max) break;
            min = ceiling - 1;
            chunk *= 2;
        }
        return ascending.reversed();
    }

    /**
     * What {@link FeedStore#homeAmong} answers for these candidates, from the answers kept beside the
     * ids when each one needed is known under the reader's epoch; else from storage, keeping its answer.
     * Storage is asked about as many candidates as a query may return, so one miss answers for them all.
     */
    private List<Entry> among(
            HomeIds ids, Viewer viewer, long[] candidates, PageRequest window, int fanOutLimit, boolean anyAbove) {
        if (anyAbove || candidates.length == 0 || WritingTransaction.active())
            return store.homeAmong(viewer, candidates, window, fanOutLimit, anyAbove);
        long reader = viewer.accountId();
        long epoch = audience.epoch(reader);
        var shown = ids.shownAmong(candidates, window.limit(), epoch);
        if (shown != null) return entries(shown, window.ascending());
        int asked = Math.min(candidates.length, PageRequest.MAX_LIMIT);
        var found = store.homeAmong(
                viewer,
                candidates,
                new PageRequest(window.maxId(), window.sinceId(), window.minId(), asked),
                fanOutLimit,
                false);
        if (!timedMutes.get(new ReaderEpoch(reader, epoch), k -> relations.hasTimedMutes(reader))) {
            var visible = new HashSet<Long>(found.size() * 2);
            for (var e : found) visible.add(e.postId());
            // In paging order, every candidate up to the last one found has its answer; all have when
            // fewer than asked were found.
            int known = candidates.length;
            if (found.size() == asked) {
                int seen = 0;
                for (known = 0; seen < found.size() && known < candidates.length; known++)
                    if (visible.contains(candidates[known])) seen++;
            }
            ids.file(epoch, candidates, known, visible::contains);
        }
        // Newest first, as storage answers: the page's entries are the first (or, oldest first, the last) ones.
        int n = Math.min(window.limit(), found.size());
        return window.ascending() ? found.subList(found.size() - n, found.size()) : found.subList(0, n);
    }

    /** Entries of the home feed for ids in paging order, newest first as storage answers. */
    private static List<Entry> entries(long[] ids, boolean ascending) {
        var result = new ArrayList<Entry>(ids.length);
        for (var id : ids) result.add(new Entry(id, id));
        return ascending ? result.reversed() : result;
    }

    /** Whether a widely followed author's posts may be missing from the stored feeds (ADR 0048). */
    private boolean anyAboveLimit(Viewer viewer, int fanOutLimit) {
        return follows.anyFollowedByMoreThan(viewer.networkId(), fanOutLimit);
    }

    private static Long bound(long max) {
        return max == Long.MAX_VALUE ? null : max;
    }

    @Override
    public List<Held> fanOut(List<FanOut> entries, int fanOutLimit, Set<Long> liveFirst, Collection<Long> live) {
        var written = store.fanOut(entries, fanOutLimit, liveFirst, live);
        if (!written.isEmpty()) AfterCommit.first(() -> add(written));
        return written;
    }

    /**
     * Fanned-out entries join the ids of the readers held in memory once the fan-out has committed,
     * before live streams announce them (so a reader who reads on an announcement finds them): the rows
     * the fan-out wrote, without reading them again.
     */
    private void add(List<Held> written) {
        if (homes.estimatedSize() == 0) return;
        for (var held : written) {
            var ids = homes.getIfPresent(held.accountId());
            if (ids != null) ids.add(held.entryId());
        }
    }

    @Override
    public boolean keep(long networkId, long accountId, Instant at) {
        if (kept.getIfPresent(accountId) != null) return false;
        boolean owed = store.keep(networkId, accountId, at);
        // Only a whole feed is remembered: while its rebuild is owed, another read asks again and waits
        // for that rebuild (ADR 0073).
        if (!owed) AfterCommit.first(() -> kept.put(accountId, true));
        return owed;
    }

    @Override
    public void rebuild(long networkId, long accountId, int capacity, int fanOutLimit) {
        forget(accountId);
        store.rebuild(networkId, accountId, capacity, fanOutLimit);
        // Only what has committed is remembered: rolled back, the next read asks again.
        AfterCommit.first(() -> kept.put(accountId, true));
    }

    @Override
    public List<Long> letGo(Instant before, int limit) {
        var gone = store.letGo(before, limit);
        for (var reader : gone) {
            kept.invalidate(reader);
            forget(reader);
        }
        AfterCommit.whenEnded(() -> kept.invalidateAll(gone));
        return gone;
    }

    @Override
    public void letGo(long accountId) {
        kept.invalidate(accountId);
        forget(accountId);
        store.letGo(accountId);
        AfterCommit.whenEnded(() -> kept.invalidate(accountId));
    }

    @Override
    public void backfillGroup(long networkId, long accountId, long groupId, int count) {
        forget(accountId);
        store.backfillGroup(networkId, accountId, groupId, count);
    }

    @Override
    public void removeGroup(long accountId, long groupId) {
        forget(accountId);
        store.removeGroup(accountId, groupId);
    }

    @Override
    public void backfill(long networkId, long followerId, long followeeId, int count) {
        forget(followerId);
        store.backfill(networkId, followerId, followeeId, count);
    }

    @Override
    public void removeAuthor(long followerId, long authorId) {
        forget(followerId);
        store.removeAuthor(followerId, authorId);
    }

    @Override
    public void removeEntries(List<Long> entryIds) {
        store.removeEntries(entryIds);
        var gone = List.copyOf(entryIds);
        // Rolled back, the entries stay stored: forget all rather than show fewer than storage holds.
        AfterCommit.whenEnded(() -> homes.asMap().values().forEach(ids -> ids.remove(gone)), homes::invalidateAll);
    }

    @Override
    public int trim(int capacity) {
        int removed = store.trim(capacity);
        // The stored feeds keep their newest entries; so do the lists in memory (beyond a few added since).
        if (removed > 0) AfterCommit.whenEnded(() -> homes.asMap().values().forEach(ids -> ids.trimTo(capacity)));
        return removed;
    }

    /** Forgets a reader's ids now and again when the current transaction ends, committed or rolled back. */
    private void forget(long reader) {
        homes.invalidate(reader);
        AfterCommit.whenEnded(() -> homes.invalidate(reader));
    }

    // Everything else passes through.

    @Override
    public StoredHome storedHome(long accountId, int limit) {
        return store.storedHome(accountId, limit);
    }

    @Override
    public List<Entry> homeAmong(
            Viewer viewer, long[] candidates, PageRequest window, int fanOutLimit, boolean anyAboveLimit) {
        return store.homeAmong(viewer, candidates, window, fanOutLimit, anyAboveLimit);
    }

    @Override
    public List<Entry> group(Viewer viewer, long groupId, PageRequest page) {
        return store.group(viewer, groupId, page);
    }

    @Override
    public List<Long> pinned(Viewer viewer, long groupId) {
        return store.pinned(viewer, groupId);
    }

    @Override
    public Map<Long, Set<Long>> homeReaders(
            long networkId, Collection<Long> postIds, Collection<Long> candidates, int fanOutLimit) {
        return store.homeReaders(networkId, postIds, candidates, fanOutLimit);
    }

    @Override
    public Set<Long> shownTo(long networkId, long postId, Collection<Long> candidates) {
        return store.shownTo(networkId, postId, candidates);
    }

    @Override
    public List<Entry> company(Viewer viewer, PageRequest page) {
        return store.company(viewer, page);
    }

    @Override
    public List<Entry> tag(Viewer viewer, String tag, PageRequest page) {
        return store.tag(viewer, tag, page);
    }

    @Override
    public List<Entry> profile(
            Viewer viewer, long accountId, boolean excludeReplies, boolean excludeReblogs, PageRequest page) {
        return store.profile(viewer, accountId, excludeReplies, excludeReblogs, page);
    }

    @Override
    public List<Entry> mentions(Viewer viewer, PageRequest page) {
        return store.mentions(viewer, page);
    }

    @Override
    public List<Entry> likes(Viewer viewer, PageRequest page) {
        return store.likes(viewer, page);
    }

    @Override
    public List<Entry> bookmarks(Viewer viewer, PageRequest page) {
        return store.bookmarks(viewer, page);
    }

    @Override
    public List<Long> ancestors(Viewer viewer, long postId) {
        return store.ancestors(viewer, postId);
    }

    @Override
    public List<Long> descendants(Viewer viewer, long postId) {
        return store.descendants(viewer, postId);
    }
}
