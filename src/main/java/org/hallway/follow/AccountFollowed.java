package org.hallway.follow;

/** {@code followerId} now follows {@code followeeId}; the follower's home feed takes in their posts. */
public record AccountFollowed(long networkId, long followerId, long followeeId) {}
