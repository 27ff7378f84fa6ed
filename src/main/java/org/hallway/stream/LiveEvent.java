package org.hallway.stream;

import java.util.List;
import java.util.Set;
import org.hallway.timeline.PostFannedOut;
import org.jspecify.annotations.Nullable;

/**
 * Something an open connection may need to hear about, as small facts (ids), never rendered content:
 * each subscriber renders for its own reader, and a broker between nodes carries only these.
 */
public sealed interface LiveEvent {
    long networkId();

    /**
     * A post or repost entered home feeds (after the fan-out committed): all of them, or in two parts,
     * the feeds of readers listening live first (ADR 0066). {@code readers}, when given, are the readers
     * whose home feed shows it now (ADR 0080); otherwise the switchboard finds them.
     */
    record NewInHome(long networkId, long entryId, PostFannedOut.Part part, @Nullable Set<Long> readers)
            implements LiveEvent {
        public NewInHome(long networkId, long entryId, PostFannedOut.Part part) {
            this(networkId, entryId, part, null);
        }
    }

    /** A company-wide original post appeared in the company feed (and in its hashtags' feeds). */
    record NewInCompany(long networkId, long postId, List<String> tags) implements LiveEvent {}

    /**
     * A post's text changed; {@code inCompanyFeed}, {@code tags} and {@code groupId} say which public and
     * group streams showed it.
     */
    record Edited(long networkId, long postId, boolean inCompanyFeed, List<String> tags, @Nullable Long groupId)
            implements LiveEvent {}

    /** An original post appeared in a group's feed. */
    record NewInGroup(long networkId, long postId, long groupId) implements LiveEvent {}

    /** A direct message was filed in the conversations of its participants (author included). */
    record DirectMessage(long networkId, long postId, List<Long> participants) implements LiveEvent {}

    /** A post or repost is gone. */
    record Deleted(long networkId, long postId) implements LiveEvent {}

    /** A post's reply, repost or like count changed. */
    record CountsChanged(long networkId, long postId) implements LiveEvent {}

    /** A notification was created for one colleague. */
    record NotificationAdded(long networkId, long accountId, long notificationId) implements LiveEvent {}
}
