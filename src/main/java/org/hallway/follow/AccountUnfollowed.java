package org.hallway.follow;

/** {@code followerId} no longer follows {@code followeeId}. */
public record AccountUnfollowed(long networkId, long followerId, long followeeId) {}
