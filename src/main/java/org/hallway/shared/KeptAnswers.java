package org.hallway.shared;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers of a store kept in memory until a write forgets them: the caching decorators' common part
 * (ADRs 0028, 0047, 0048). The decorator sees every write of what it keeps and forgets the answers the
 * write changes, at once and again when the write's transaction ends, committed or rolled back.
 *
 * <p>A query that was running while a write forgot must not put the older answer back: every
 * forgetting moves a counter, and an answer is kept only when the counter did not move since before its
 * query, checked atomically with the put. A transaction that forgot an answer keeps nothing it reads
 * until it ends: what it read may include its own writes, which may still roll back. Unread answers go
 * after 30 minutes.
 */
public final class KeptAnswers<K, V> {
    private final AtomicLong generation = new AtomicLong();
    private final Cache<K, V> answers;

    public KeptAnswers(long maximumSize) {
        this.answers = Caches.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    /** The kept answer, or else {@code query}'s (never null), kept unless a write forgot meanwhile. */
    public V get(K key, Function<? super K, ? extends V> query) {
        var known = answers.getIfPresent(key);
        if (known != null) return known;
        long before = generation.get();
        V answer = query.apply(key);
        keep(key, answer, before);
        return answer;
    }

    /**
     * The kept answers for {@code keys}, the others from one {@code query} of all of them, each kept
     * unless a write forgot meanwhile; a key the query leaves out (a row that does not exist) is
     * answered, and kept, as {@code none}.
     */
    public Map<K, V> getAll(
            Collection<? extends K> keys, Function<? super List<K>, ? extends Map<K, V>> query, V none) {
        var result = HashMap.<K, V>newHashMap(keys.size());
        var missing = new ArrayList<K>();
        for (K key : keys) {
            var known = answers.getIfPresent(key);
            if (known != null) result.put(key, known);
            else missing.add(key);
        }
        if (missing.isEmpty()) return result;
        long before = generation.get();
        var answered = query.apply(missing);
        for (K key : missing) {
            V answer = answered.getOrDefault(key, none);
            result.put(key, answer);
            keep(key, answer, before);
        }
        return result;
    }

    private void keep(K key, V answer, long before) {
        if (TransactionSynchronizationManager.hasResource(this)) return;
        // Atomic with a forgetting's invalidation, which follows its counter move: either that removes
        // what is put here, or the counter has moved and nothing is put.
        answers.asMap().compute(key, (k, held) -> generation.get() == before ? answer : held);
    }

    /** Forgets one answer now and again when the current transaction ends. */
    public void forget(K key) {
        forget(() -> answers.invalidate(key));
    }

    /** Forgets every answer now and again when the current transaction ends. */
    public void forgetAll() {
        forget(answers::invalidateAll);
    }

    private void forget(Runnable invalidate) {
        Runnable run = () -> {
            generation.incrementAndGet();
            invalidate.run();
        };
        run.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            AfterCommit.whenEnded(() -> TransactionSynchronizationManager.unbindResourceIfPossible(this));
        }
        AfterCommit.whenEnded(run);
    }
}
