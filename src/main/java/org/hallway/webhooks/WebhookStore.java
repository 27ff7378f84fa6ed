package org.hallway.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: webhooks and their deliveries. */
public interface WebhookStore {
    void insert(Webhook hook);

    Optional<Webhook> find(long networkId, long id);

    List<Webhook> list(long networkId);

    boolean delete(long networkId, long id);

    void queue(WebhookDelivery delivery);

    /** The newest deliveries of a network (all its webhooks), newest first. */
    List<WebhookDelivery> deliveries(long networkId, @Nullable Long webhookId, int limit);

    /**
     * Claims up to {@code limit} deliveries due at {@code now}, pushing their next attempt to
     * {@code leaseUntil} so that no other node sends them meanwhile and a crash mid-send retries them,
     * and counts the attempt (returned in {@code attempts}): one that crashes every time still ends.
     */
    List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

    void delivered(long id, int status, Instant at);

    /** The claimed attempt failed: retried at {@code nextAttemptAt}, or given up when that is null. */
    void failed(long id, @Nullable Integer status, String error, @Nullable Instant nextAttemptAt);
}
