package org.hallway.posts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.hallway.posts.PostStore.ReaderState;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.WritingTransaction;
import org.springframework.stereotype.Component;

/**
 * What each reader did to the posts they were shown (liked, bookmarked, reposted), kept in memory so
 * a page they read again needs no query for it (ADR 0048). Only the reader changes their own marks,
 * through {@link ReactionStore} and {@link PostStore}, whose decorators call {@link #forget}.
 *
 * <p>Each reader has an epoch, taken from one counter that only grows, and each kept mark is filed
 * under its reader's epoch at the time of the query. Forgetting gives the reader a new epoch, now and
 * again when the writing transaction ends: marks filed under an older epoch are never read again (they
 * age out), including those a query that raced the write files late. An epoch that ages out is
 * replaced by a new one, so no older mark can come back.
 */
@Component
class ReaderMarks {
    private static final byte LIKED = 1;
    private static final byte BOOKMARKED = 2;
    private static final byte REPOSTED = 4;
    /** Bounds memory: about 100 bytes a mark, at most about 20 MiB. */
    private static final long MAX_MARKS = 200_000;

    private record Mark(long reader, long epoch, long post) {}

    private final Cache<Long, Long> epochs = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();
    private final Cache<Mark, Byte> marks = Caffeine.newBuilder()
            .maximumSize(MAX_MARKS)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();
    private final AtomicLong counter = new AtomicLong();

    /** The reader's marks on the given posts: kept ones from memory, the others from {@code query}. */
    ReaderState of(long reader, Collection<Long> postIds, Function<Collection<Long>, ReaderState> query) {
        var state = new ReaderState(new HashSet<>(), new HashSet<>(), new HashSet<>());
        if (postIds.isEmpty()) return state;
        long epoch = epoch(reader);
        var missing = new ArrayList<Long>();
        for (var id : postIds) {
            var flags = marks.getIfPresent(new Mark(reader, epoch, id));
            if (flags == null) missing.add(id);
            else add(state, id, flags);
        }
        if (missing.isEmpty()) return state;
        var found = query.apply(missing);
        // A write in this very transaction may still roll back: only read-only work keeps what it read.
        boolean keep = !WritingTransaction.active();
        for (var id : missing) {
            byte flags = (byte) ((found.liked().contains(id) ? LIKED : 0)
                    | (found.bookmarked().contains(id) ? BOOKMARKED : 0)
                    | (found.reposted().contains(id) ? REPOSTED : 0));
            add(state, id, flags);
            if (keep) marks.put(new Mark(reader, epoch, id), flags);
        }
        return state;
    }

    /** The reader's epoch now: taken before a write, it files what the write made known ({@link #none}). */
    long epoch(long reader) {
        return epochs.get(reader, r -> counter.incrementAndGet());
    }

    /**
     * Files that the reader has not marked a new post, under an epoch taken before it was written: if
     * the reader marked it since, their epoch has moved on and this is never read.
     */
    void none(long reader, long epoch, long postId) {
        marks.put(new Mark(reader, epoch, postId), (byte) 0);
    }

    /** Forgets the reader's marks now and again when the current transaction ends, committed or not. */
    void forget(long reader) {
        Runnable renew = () -> epochs.put(reader, counter.incrementAndGet());
        renew.run();
        AfterCommit.whenEnded(renew);
    }

    private static void add(ReaderState state, long id, byte flags) {
        if ((flags & LIKED) != 0) state.liked().add(id);
        if ((flags & BOOKMARKED) != 0) state.bookmarked().add(id);
        if ((flags & REPOSTED) != 0) state.reposted().add(id);
    }
}
