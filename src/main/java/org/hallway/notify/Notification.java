package org.hallway.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a colleague ({@code actorId}) did that concerns the recipient ({@code accountId}), about a post
 * or a group (or neither: a follow). {@code sourceId} names what caused it where that is neither, such
 * as the report of an {@code admin.report}.
 */
public record Notification(
        long id,
        long networkId,
        long accountId,
        NotificationType type,
        long actorId,
        @Nullable Long postId,
        Instant createdAt,
        @Nullable Long groupId,
        @Nullable Long sourceId) {

    public Notification(
            long id,
            long networkId,
            long accountId,
            NotificationType type,
            long actorId,
            @Nullable Long postId,
            Instant createdAt,
            @Nullable Long groupId) {
        this(id, networkId, accountId, type, actorId, postId, createdAt, groupId, null);
    }
}
