package org.hallway.polls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A poll as one reader sees it at one moment: its options with their counts, whether it has ended,
 * whether this reader has voted (Compat(mastodon): an author counts as having voted in their own
 * poll, so apps show them the standings), which options they chose ({@code ownVotes}, indexes into
 * {@code options}), and when it was read.
 */
public record Poll(
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
        int votersCount,
        boolean expired,
        boolean voted,
        List<Integer> ownVotes,
        Instant readAt) {

    /** Counts are shown unless the author hid them until the poll ends. */
    public boolean totalsShown() {
        return expired || !hideTotals;
    }

    /** Whether this reader may still vote: the poll runs and they have not voted (nor made it). */
    public boolean open() {
        return !expired && !voted;
    }

    /** How long the poll still runs, as of when it was read (zero once it ended). */
    public Duration remaining() {
        return expired ? Duration.ZERO : Duration.between(readAt, expiresAt);
    }

    /** Whether this reader chose the option. */
    public boolean chose(int option) {
        return ownVotes.contains(option);
    }

    /** An option's share of the votes (of the voters, for a multiple-choice poll), 0 to 100. */
    public int percent(int option) {
        int base = multiple ? votersCount : votesCount;
        return base == 0 ? 0 : Math.round(100f * optionVotes.get(option) / base);
    }
}
