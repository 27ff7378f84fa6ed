package org.hallway.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hallway.shared.KeptAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps each colleague's push subscriptions in memory: every notification asks for its recipient's,
 * and they change only when a device subscribes, changes its alerts or unsubscribes, or a push service
 * reports the device gone.
 *
 * <p>Every write of {@code push_subscriptions} goes through this store and forgets the colleague whose
 * subscription it writes, at once and again when its transaction ends. Writes named by subscription id
 * or token first look up whose it is (a subscription never changes hands; a token belongs to one
 * colleague). See {@link KeptAnswers}. Pushes waiting to go out are not kept.
 */
@Primary
@Component
class CachedPushSubscriptionStore implements PushSubscriptionStore {
    private final PushSubscriptionStore store;
    private final KeptAnswers<Long, List<PushSubscription>> byAccount = new KeptAnswers<>(100_000);

    CachedPushSubscriptionStore(@Qualifier("jdbcPushSubscriptionStore") PushSubscriptionStore store) {
        this.store = store;
    }

    @Override
    public List<PushSubscription> ofAccount(long accountId) {
        return byAccount.get(accountId, id -> List.copyOf(store.ofAccount(id)));
    }

    @Override
    public void replace(PushSubscription subscription, byte[] tokenHash, String sealedToken) {
        // The subscription it replaces is the same token's, so the same colleague's.
        forget(subscription.accountId());
        store.replace(subscription, tokenHash, sealedToken);
    }

    @Override
    public void update(long id, Set<String> alerts, PushPolicy policy) {
        store.find(id).ifPresent(s -> forget(s.accountId()));
        store.update(id, alerts, policy);
    }

    @Override
    public boolean deleteByToken(byte[] tokenHash) {
        var owner = store.findByToken(tokenHash);
        owner.ifPresent(s -> forget(s.accountId()));
        boolean deleted = store.deleteByToken(tokenHash);
        // A subscription made for the token since the look-up: whose it is is not known here.
        if (deleted && owner.isEmpty()) forgetAll();
        return deleted;
    }

    @Override
    public void delete(long id) {
        store.find(id).ifPresent(s -> forget(s.accountId()));
        store.delete(id);
    }

    @Override
    public ServerKeys keys(ServerKeys proposal) {
        return store.keys(proposal);
    }

    @Override
    public Optional<PushSubscription> findByToken(byte[] tokenHash) {
        return store.findByToken(tokenHash);
    }

    @Override
    public Optional<PushSubscription> find(long id) {
        return store.find(id);
    }

    @Override
    public String sealedToken(long subscriptionId) {
        return store.sealedToken(subscriptionId);
    }

    @Override
    public void queue(long id, long subscriptionId, long notificationId, Instant at) {
        store.queue(id, subscriptionId, notificationId, at);
    }

    @Override
    public List<Delivery> claimDue(@Nullable List<Long> ids, Instant now, Instant leaseUntil, int limit) {
        return store.claimDue(ids, now, leaseUntil, limit);
    }

    @Override
    public void done(long deliveryId) {
        store.done(deliveryId);
    }

    @Override
    public void retryAt(long deliveryId, Instant at) {
        store.retryAt(deliveryId, at);
    }

    private void forget(long accountId) {
        byAccount.forget(accountId);
    }

    private void forgetAll() {
        byAccount.forgetAll();
    }
}
