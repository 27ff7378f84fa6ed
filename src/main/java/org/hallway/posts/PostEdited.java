package org.hallway.posts;

/** A post's text changed; its edit history keeps the earlier versions. */
public record PostEdited(long networkId, long postId, long authorId) {}
