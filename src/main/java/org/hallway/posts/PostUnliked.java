package org.hallway.posts;

/** A colleague took back their like of a post. */
public record PostUnliked(long networkId, long postId, long unlikedBy) {}
