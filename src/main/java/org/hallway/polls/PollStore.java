package org.hallway.polls;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: polls, their votes and counters. */
public interface PollStore {
    /** A poll as stored, with nothing about any reader. */
    record Stored(
            long id,
            long networkId,
            long postId,
            long authorId,
            List<String> options,
            List<Integer> optionVotes,
            boolean multiple,
            boolean hideTotals,
            Instant expiresAt,
            @Nullable Instant endedAt,
            int votesCount,
            int votersCount) {}

    /** Stores a new poll; false when the post already has one (a repeated, idempotent request). */
    boolean insert(Stored poll, Instant createdAt);

    /** The poll, locked until the end of the transaction so that votes for it are counted one at a time. */
    Optional<Stored> lock(long networkId, long pollId);

    Optional<Stored> find(long networkId, long pollId);

    /** The options the colleague chose in the poll (empty: no vote yet). */
    List<Integer> choices(long pollId, long accountId);

    /** Records the colleague's choices and adds them to the counters. */
    void vote(long networkId, long pollId, long accountId, List<Integer> choices, Instant at);

    /**
     * The polls of the given posts with the reader's own choices, keyed by post id: one round trip per
     * page of posts.
     */
    Map<Long, Reading> forPosts(long networkId, long readerId, Collection<Long> postIds);

    record Reading(Stored poll, List<Integer> ownVotes) {}

    /**
     * Marks up to {@code limit} polls whose time is up as ended and returns them; rows another node is
     * ending at the same moment are skipped, so each poll ends once.
     */
    List<Stored> endDue(Instant now, int limit);

    /** The colleagues who voted in the poll. */
    List<Long> voterIds(long pollId);
}
