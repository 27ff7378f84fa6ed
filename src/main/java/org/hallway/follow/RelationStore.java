package org.hallway.follow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/** Port: mutes and blocks between colleagues. Expired mutes count as absent everywhere. */
public interface RelationStore {
    /** An active mute: whether it hides notifications too, and until when (null: until unmuted). */
    record Mute(boolean notifications, @Nullable Instant expiresAt) {}

    /** Mutes or changes an existing mute (its options and expiry), keeping one row per pair. */
    void mute(
            long id,
            long networkId,
            long accountId,
            long targetId,
            boolean notifications,
            @Nullable Instant expiresAt,
            Instant at);

    boolean unmute(long accountId, long targetId);

    boolean block(long id, long networkId, long accountId, long targetId, Instant at);

    boolean unblock(long accountId, long targetId);

    /** Whether either of the two blocked the other. */
    boolean blockedEitherWay(long accountId, long otherId);

    /** A colleague who would hear of something another colleague did. */
    record RecipientAndActor(long recipientId, long actorId) {}

    /**
     * Of {@code pairs}, those where notifications caused by the actor stay away from the recipient: either
     * blocked the other, or the recipient mutes the actor with notifications.
     */
    Set<RecipientAndActor> hidingNotifications(Collection<RecipientAndActor> pairs);

    /** Whether any of the account's mutes ends by itself (ended already or not): what it hides changes with time. */
    boolean hasTimedMutes(long accountId);

    /** Of {@code others}, those {@code accountId} mutes now, with their mute. */
    Map<Long, Mute> mutesAmong(long accountId, Collection<Long> others);

    /** Of {@code others}, those {@code accountId} blocks. */
    Set<Long> blockingAmong(long accountId, Collection<Long> others);

    /** Of {@code others}, those who block {@code accountId}. */
    Set<Long> blockedByAmong(long accountId, Collection<Long> others);

    /** The accounts muted now, most recently muted first, paged by the mute's id. */
    List<FollowStore.Edge> mutes(long accountId, PageRequest page);

    List<FollowStore.Edge> blocks(long accountId, PageRequest page);
}
