package org.hallway.filters;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps each reader's filters in memory: every feed page asks for them twice (hide, then mark), and
 * they change only when their owner edits them (ADR 0028). Every write goes through here and forgets
 * at once and again when its transaction ends; a read that overlapped a write does not put what it
 * read (a counter moved by every forgetting tells).
 */
@Primary
@Component
class CachedFilterStore implements FilterStore {
    private final FilterStore store;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Long, List<Filter>> byAccount = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    CachedFilterStore(@Qualifier("jdbcFilterStore") FilterStore store) {
        this.store = store;
    }

    @Override
    public List<Filter> ofAccount(long accountId) {
        var cached = byAccount.getIfPresent(accountId);
        if (cached != null) return cached;
        long before = generation.get();
        var found = List.copyOf(store.ofAccount(accountId));
        boolean readOnly = !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (readOnly && before == generation.get()) byAccount.put(accountId, found);
        return found;
    }

    @Override
    public void save(Filter filter) {
        forget();
        store.save(filter);
    }

    @Override
    public void delete(long filterId) {
        forget();
        store.delete(filterId);
    }

    @Override
    public Optional<Filter> find(long accountId, long filterId) {
        return store.find(accountId, filterId);
    }

    /** Filters change rarely: any change forgets everyone's, now and when the transaction ends. */
    private void forget() {
        Runnable run = () -> {
            generation.incrementAndGet();
            byAccount.invalidateAll();
        };
        run.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    run.run();
                }
            });
        }
    }
}
