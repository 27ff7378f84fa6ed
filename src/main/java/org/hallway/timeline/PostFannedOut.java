package org.hallway.timeline;

/**
 * A new post or repost is in the home feeds of its readers (published after the fan-out has committed,
 * so whoever reads a home feed from now on finds it there). Live delivery pushes it to open home streams.
 */
public record PostFannedOut(long networkId, long entryId, long postId, long authorId) {}
