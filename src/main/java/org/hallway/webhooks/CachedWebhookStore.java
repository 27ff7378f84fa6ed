package org.hallway.webhooks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hallway.shared.AfterCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps each network's webhooks in memory: every new post and every account created or deactivated
 * asks for them, and they change only when an administrator adds or removes one.
 *
 * <p>Every write of {@code webhooks} goes through this store and forgets the network at once and again
 * when its transaction ends. A read that was asking while a webhook changed must not put the older list
 * back: every forgetting moves a counter, and a read keeps its list only when the counter did not move
 * since before its query. Deliveries are not kept: they change with every attempt.
 */
@Primary
@Component
class CachedWebhookStore implements WebhookStore {
    private final WebhookStore store;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Long, List<Webhook>> byNetwork = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    CachedWebhookStore(@Qualifier("jdbcWebhookStore") WebhookStore store) {
        this.store = store;
    }

    @Override
    public List<Webhook> list(long networkId) {
        var known = byNetwork.getIfPresent(networkId);
        if (known != null) return known;
        long before = generation.get();
        var found = List.copyOf(store.list(networkId));
        // Atomic with the forgetting's invalidate of this key, which follows its counter move: either the
        // invalidate removes what is put here, or the counter has moved and nothing is put.
        byNetwork.asMap().compute(networkId, (id, held) -> generation.get() == before ? found : held);
        return found;
    }

    @Override
    public void insert(Webhook hook) {
        forget(hook.networkId());
        store.insert(hook);
    }

    @Override
    public boolean delete(long networkId, long id) {
        forget(networkId);
        return store.delete(networkId, id);
    }

    @Override
    public Optional<Webhook> find(long networkId, long id) {
        return store.find(networkId, id);
    }

    @Override
    public void queue(WebhookDelivery delivery) {
        store.queue(delivery);
    }

    @Override
    public List<WebhookDelivery> deliveries(long networkId, @Nullable Long webhookId, int limit) {
        return store.deliveries(networkId, webhookId, limit);
    }

    @Override
    public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return store.claimDue(now, leaseUntil, limit);
    }

    @Override
    public void delivered(long id, int status, Instant at) {
        store.delivered(id, status, at);
    }

    @Override
    public void failed(long id, @Nullable Integer status, String error, @Nullable Instant nextAttemptAt) {
        store.failed(id, status, error, nextAttemptAt);
    }

    private void forget(long networkId) {
        Runnable run = () -> {
            generation.incrementAndGet();
            byNetwork.invalidate(networkId);
        };
        run.run();
        AfterCommit.whenEnded(run);
    }
}
