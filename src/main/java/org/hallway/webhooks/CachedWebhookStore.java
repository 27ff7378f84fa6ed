package org.hallway.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.KeptAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps each network's webhooks in memory: every new post and every account created or deactivated
 * asks for them, and they change only when an administrator adds or removes one.
 *
 * <p>Every write of {@code webhooks} goes through this store and forgets the network at once and again
 * when its transaction ends ({@link KeptAnswers}). Deliveries are not kept: they change with every attempt.
 */
@Primary
@Component
class CachedWebhookStore implements WebhookStore {
    private final WebhookStore store;
    private final KeptAnswers<Long, List<Webhook>> byNetwork = new KeptAnswers<>(10_000);

    CachedWebhookStore(@Qualifier("jdbcWebhookStore") WebhookStore store) {
        this.store = store;
    }

    @Override
    public List<Webhook> list(long networkId) {
        return byNetwork.get(networkId, id -> List.copyOf(store.list(id)));
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
        byNetwork.forget(networkId);
    }
}
