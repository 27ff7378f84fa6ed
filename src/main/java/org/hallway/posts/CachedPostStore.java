package org.hallway.posts;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.Caches;
import org.hallway.shared.HeapShare;
import org.hallway.shared.KeptAnswers;
import org.hallway.shared.WritingTransaction;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps the reader-independent part of posts (the row with its counters, hashtags and mentions) in
 * memory, so a feed page hydrates the posts it shows without a query when they were read recently
 * (ADR 0028). Who may see a post is never cached: feeds select ids with the audience predicate first.
 * Each reader's likes, bookmarks and reposts are kept by {@link ReaderMarks} (ADR 0048): reposts
 * made and deleted here forget their author's. Each author's post count and last post day are kept
 * until a post of theirs ({@code insertAll}) or an adjustment of their count (a deletion, a repost,
 * its undoing) forgets them ({@link KeptAnswers}).
 *
 * <p>Every write of posts goes through this store (it is the {@link PostStore} everyone gets), and every
 * write forgets the posts it touches, at once and again when its transaction ends. A reader that was
 * querying while a write committed must not put the older row back: each post id falls into one of a
 * fixed set of stripes with a counter that every forgetting moves, and a reader puts what it read only
 * when the counters of its posts did not move between its query and its put.
 */
@Primary
@Component
class CachedPostStore implements PostStore {
    private static final int STRIPES = 4096;
    private static final AuthorStats NO_STATS = new AuthorStats(0, null);
    /** Bounds memory: roughly the bytes of the cached texts, 6% of the heap (38 MiB of the run line's 640). */
    private static final long MAX_WEIGHT = HeapShare.percent(6);

    private final PostStore store;
    private final ReaderMarks marks;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    /** Each author's post count and last post day, until their next post (or a deletion) forgets it. */
    private final KeptAnswers<Long, AuthorStats> authorStats = new KeptAnswers<>(50_000);

    private final Cache<Long, Detailed> details = Caches.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Long id, Detailed d) -> weight(d))
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    CachedPostStore(@Qualifier("jdbcPostStore") PostStore store, ReaderMarks marks) {
        this.store = store;
        this.marks = marks;
    }

    @Override
    public Map<Long, Detailed> findDetailed(long networkId, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        var result = new HashMap<Long, Detailed>();
        var missing = new ArrayList<Long>();
        for (var id : ids) {
            var d = details.getIfPresent(id);
            if (d == null || d.post().networkId() != networkId) {
                missing.add(id);
                continue;
            }
            result.put(id, d);
            var original = d.post().reblogOfId();
            if (original != null && !result.containsKey(original)) {
                var o = details.getIfPresent(original);
                if (o != null && o.post().networkId() == networkId) result.put(original, o);
                else missing.add(original);
            }
        }
        if (missing.isEmpty()) return result;
        var before = new long[missing.size()];
        for (int i = 0; i < before.length; i++) before[i] = generations.get(stripe(missing.get(i)));
        var found = store.findDetailed(networkId, missing);
        // A write in this very transaction may still roll back: only read-only work fills the cache.
        boolean unchanged = !WritingTransaction.active();
        for (int i = 0; i < before.length && unchanged; i++)
            unchanged = before[i] == generations.get(stripe(missing.get(i)));
        for (var d : found.values()) {
            // Originals of reposts come along without being asked for; their stripes were not sampled.
            if (unchanged && missing.contains(d.post().id()))
                details.put(d.post().id(), d);
            result.put(d.post().id(), d);
        }
        return result;
    }

    @Override
    public ReaderState readerState(long accountId, Collection<Long> postIds) {
        return marks.of(accountId, postIds, missing -> store.readerState(accountId, missing));
    }

    @Override
    public void updateContent(Post post, List<String> tags, List<Long> mentionIds) {
        forget(List.of(post.id()));
        store.updateContent(post, tags, mentionIds);
    }

    @Override
    public void markDeleted(Collection<Post> posts, Instant at) {
        forget(posts.stream().map(Post::id).toList());
        forgetReposters(posts);
        store.markDeleted(posts, at);
    }

    @Override
    public void adjustCounters(long postId, int replies, int reblogs, int favourites) {
        forget(List.of(postId));
        store.adjustCounters(postId, replies, reblogs, favourites);
    }

    /** Forgets posts now and again when the current transaction ends, committed or rolled back. */
    private void forget(Collection<Long> ids) {
        var copy = List.copyOf(ids);
        Runnable run = () -> {
            for (var id : copy) {
                generations.incrementAndGet(stripe(id));
                details.invalidate(id);
            }
        };
        run.run();
        AfterCommit.whenEnded(run);
    }

    /** A repost made or deleted changes what its author sees as "reposted by me" on the original. */
    private void forgetReposters(Collection<Post> posts) {
        for (var post : posts) if (post.isReblog()) marks.forget(post.authorId());
    }

    private static int stripe(long id) {
        return (int) ((id ^ (id >>> 17) ^ (id >>> 37)) & (STRIPES - 1));
    }

    private static int weight(Detailed d) {
        var p = d.post();
        return 200
                + p.text().length()
                + p.html().length()
                + p.spoilerText().length()
                + 16 * d.tags().size()
                + 8 * d.mentionIds().size();
    }

    // Everything else passes through.

    @Override
    public void insert(Post post, List<String> tags, List<Long> mentionIds) {
        forgetReposters(List.of(post));
        store.insert(post, tags, mentionIds);
    }

    @Override
    public void insertAll(List<NewPost> posts) {
        // The parents of replies change their reply count.
        var parents = posts.stream()
                .filter(p -> p.countsAsReply() && p.post().inReplyToId() != null)
                .map(p -> p.post().inReplyToId())
                .toList();
        if (!parents.isEmpty()) forget(parents);
        forgetReposters(posts.stream().map(NewPost::post).toList());
        for (var p : posts) if (p.countsForAuthor()) authorStats.forget(p.post().authorId());
        var fresh = posts.stream()
                .map(p -> new Detailed(
                        p.post(),
                        p.tags().stream().distinct().sorted().toList(),
                        p.mentionIds().stream().distinct().toList(),
                        p.hasMedia(),
                        p.hasPoll()))
                .toList();
        var before = new long[fresh.size()];
        var epochs = new long[fresh.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = generations.get(stripe(fresh.get(i).post().id()));
            epochs[i] = marks.epoch(fresh.get(i).post().authorId());
        }
        store.insertAll(posts);
        // The answer to the author reads the new post right after the commit: it is known already (ADR
        // 0040). Only once committed, only if nothing changed the post in between, and before anything
        // else runs after the commit.
        AfterCommit.first(() -> {
            for (int i = 0; i < before.length; i++) {
                var id = fresh.get(i).post().id();
                if (before[i] == generations.get(stripe(id))) details.put(id, fresh.get(i));
                // Nobody has liked, bookmarked or reposted a post before it existed.
                marks.none(fresh.get(i).post().authorId(), epochs[i], id);
            }
        });
    }

    @Override
    public Map<Long, Map<String, Long>> postsForIdempotencyKeys(Map<Long, Set<String>> keysByAccount) {
        return store.postsForIdempotencyKeys(keysByAccount);
    }

    @Override
    public Optional<Post> find(long networkId, long id) {
        return store.find(networkId, id);
    }

    @Override
    public Map<Long, Post> findAll(long networkId, Collection<Long> ids) {
        return store.findAll(networkId, ids);
    }

    @Override
    public Map<Long, Set<Long>> interactors(Collection<Long> postIds) {
        return store.interactors(postIds);
    }

    @Override
    public List<Long> mentionIds(long postId) {
        return store.mentionIds(postId);
    }

    @Override
    public Optional<Post> findReblog(long authorId, long originalId) {
        return store.findReblog(authorId, originalId);
    }

    @Override
    public List<Long> reblogsOf(long postId) {
        return store.reblogsOf(postId);
    }

    @Override
    public void insertEdit(long id, Post version, Instant at, List<EditMedia> media) {
        store.insertEdit(id, version, at, media);
    }

    @Override
    public List<Edit> edits(long postId) {
        return store.edits(postId);
    }

    @Override
    public void adjustAuthorStats(long networkId, long accountId, int statuses, @Nullable Instant lastStatusAt) {
        authorStats.forget(accountId);
        store.adjustAuthorStats(networkId, accountId, statuses, lastStatusAt);
    }

    @Override
    public Map<Long, AuthorStats> authorStats(Collection<Long> accountIds) {
        return authorStats.getAll(accountIds, store::authorStats, NO_STATS);
    }

    @Override
    public long countPosts(long networkId) {
        return store.countPosts(networkId);
    }

    @Override
    public Optional<Long> postForIdempotencyKey(long accountId, String key) {
        return store.postForIdempotencyKey(accountId, key);
    }

    @Override
    public void saveIdempotencyKey(long accountId, String key, long postId, Instant at) {
        store.saveIdempotencyKey(accountId, key, postId, at);
    }
}
