package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's Poll. An option's {@code votes_count} is null while the author hides the counts and the
 * poll runs; {@code voted} and {@code own_votes} are the reader's.
 */
public record Poll(
        String id,
        @Nullable String expiresAt,
        boolean expired,
        boolean multiple,
        int votesCount,
        @Nullable Integer votersCount,
        List<Option> options,
        List<Object> emojis,
        @Nullable Boolean voted,
        @Nullable List<Integer> ownVotes) {

    public record Option(String title, @Nullable Integer votesCount) {}
}
