package org.hallway.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One event on its way to one webhook, with what its attempts so far answered. */
public record WebhookDelivery(
        long id,
        long networkId,
        long webhookId,
        String event,
        String payload,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
