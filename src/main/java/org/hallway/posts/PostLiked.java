package org.hallway.posts;

/** A colleague liked a post. */
public record PostLiked(long networkId, long postId, long likedBy) {}
