package org.hallway.push;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: the server's keys, subscriptions (one per access token) and the pushes waiting to go out. */
public interface PushSubscriptionStore {
    /** The server's keys, made once: the first caller's proposal wins, later ones read it. */
    ServerKeys keys(ServerKeys proposal);

    record ServerKeys(String publicKey, String privateKey, String tokenKey) {}

    /** Stores the token's subscription, replacing the one it had. */
    void replace(PushSubscription subscription, byte[] tokenHash, String sealedToken);

    Optional<PushSubscription> findByToken(byte[] tokenHash);

    Optional<PushSubscription> find(long id);

    String sealedToken(long subscriptionId);

    void update(long id, java.util.Set<String> alerts, PushPolicy policy);

    boolean deleteByToken(byte[] tokenHash);

    void delete(long id);

    List<PushSubscription> ofAccount(long accountId);

    record Delivery(long id, long subscriptionId, long notificationId, int attempts) {}

    void queue(long id, long subscriptionId, long notificationId, Instant at);

    /** Claims due deliveries (all when {@code ids} is null), leasing them until {@code leaseUntil}. */
    List<Delivery> claimDue(@Nullable List<Long> ids, Instant now, Instant leaseUntil, int limit);

    void done(long deliveryId);

    void retryAt(long deliveryId, Instant at);
}
