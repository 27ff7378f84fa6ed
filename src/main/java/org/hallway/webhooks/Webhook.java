package org.hallway.webhooks;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where events go. For {@link WebhookEvent#POST_CREATED}: with {@code groupId}, posts of that public
 * group; with {@code hashtag}, posts with that tag; with neither, company-wide posts.
 */
public record Webhook(
        long id,
        long networkId,
        String url,
        String secret,
        Set<WebhookEvent> events,
        @Nullable Long groupId,
        @Nullable String hashtag,
        long createdBy,
        Instant createdAt) {

    /** The secret as the administration page shows it: its first characters only. */
    public String secretHint() {
        return secret.substring(0, Math.min(4, secret.length())) + "…";
    }
}
