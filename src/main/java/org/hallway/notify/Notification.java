package org.hallway.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a colleague ({@code actorId}) did that concerns the recipient ({@code accountId}), about a post
 * or a group (or neither: a follow).
 */
public record Notification(
        long id,
        long networkId,
        long accountId,
        NotificationType type,
        long actorId,
        @Nullable Long postId,
        Instant createdAt,
        @Nullable Long groupId) {}
