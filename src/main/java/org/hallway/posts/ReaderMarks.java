package org.hallway.posts;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.hallway.posts.PostStore.ReaderState;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.Caches;
import org.hallway.shared.WritingTransaction;
import org.springframework.stereotype.Component;

/**
 * What each reader did to the posts they were shown (liked, bookmarked, reposted), kept in memory so
 * a page they read again needs no query for it (ADR 0048). Only the reader changes their own marks,
 * through {@link ReactionStore} and {@link PostStore}, whose decorators call {@link #forget}.
 *
 * <p>Each reader's marks are kept together in a book: a page's twenty posts take one lookup in the
 * bounded cache and twenty in the reader's own map. Each book has an epoch, taken from one counter
 * that only grows. Forgetting replaces the reader's book with an empty one under a new epoch, now and
 * again when the writing transaction ends: a query that raced the write files what it read into the
 * book it started with, which is never read again.
 */
@Component
class ReaderMarks {
    private static final byte LIKED = 1;
    private static final byte BOOKMARKED = 2;
    private static final byte REPOSTED = 4;
    /** Bounds memory: 200,000 marks in all, each a map entry with a boxed post id. */
    private static final long MAX_MARKS = 200_000;

    /** One reader's marks under one epoch. */
    private static final class Book {
        final long epoch;
        final Map<Long, Byte> marks = new ConcurrentHashMap<>();

        Book(long epoch) {
            this.epoch = epoch;
        }
    }

    private final Cache<Long, Book> books = Caches.newBuilder()
            .maximumWeight(MAX_MARKS)
            .weigher((Long reader, Book book) -> 1 + book.marks.size())
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();
    private final AtomicLong counter = new AtomicLong();

    /** The reader's marks on the given posts: kept ones from memory, the others from {@code query}. */
    ReaderState of(long reader, Collection<Long> postIds, Function<Collection<Long>, ReaderState> query) {
        var state = new ReaderState(new HashSet<>(), new HashSet<>(), new HashSet<>());
        if (postIds.isEmpty()) return state;
        var book = book(reader);
        var missing = new ArrayList<Long>();
        for (var id : postIds) {
            var flags = book.marks.get(id);
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
            if (keep) book.marks.put(id, flags);
        }
        if (keep) reweigh(reader);
        return state;
    }

    /** The reader's epoch now: taken before a write, it files what the write made known ({@link #none}). */
    long epoch(long reader) {
        return book(reader).epoch;
    }

    /**
     * Files that the reader has not marked a new post, under an epoch taken before it was written: if
     * the reader marked anything since, their book is a new one and this is not filed.
     */
    void none(long reader, long epoch, long postId) {
        var book = books.getIfPresent(reader);
        if (book == null || book.epoch != epoch) return;
        book.marks.put(postId, (byte) 0);
        reweigh(reader);
    }

    /** Forgets the reader's marks now and again when the current transaction ends, committed or not. */
    void forget(long reader) {
        Runnable renew = () -> books.put(reader, new Book(counter.incrementAndGet()));
        renew.run();
        AfterCommit.whenEnded(renew);
    }

    private Book book(long reader) {
        return books.get(reader, r -> new Book(counter.incrementAndGet()));
    }

    /** Weighs the reader's book again as it grew (the cache weighs a value when it is put or computed). */
    private void reweigh(long reader) {
        books.asMap().computeIfPresent(reader, (r, current) -> current);
    }

    private static void add(ReaderState state, long id, byte flags) {
        if ((flags & LIKED) != 0) state.liked().add(id);
        if ((flags & BOOKMARKED) != 0) state.bookmarked().add(id);
        if ((flags & REPOSTED) != 0) state.reposted().add(id);
    }
}
