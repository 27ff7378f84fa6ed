package org.hallway.posts;

import java.util.List;

/** A post (and the reposts of it, listed in {@code reblogIds}) is gone from every read path. */
public record PostDeleted(long networkId, long postId, long authorId, List<Long> reblogIds) {}
