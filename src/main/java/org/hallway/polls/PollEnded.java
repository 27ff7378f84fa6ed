package org.hallway.polls;

/** A poll's time is up; its author and voters are told. */
public record PollEnded(long networkId, long pollId, long postId, long authorId) {}
