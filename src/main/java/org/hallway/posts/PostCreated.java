package org.hallway.posts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post or repost was published. Feeds fan it out (to group members for a group post, to the
 * participants for a direct message); later, search indexes it and mentions notify.
 */
public record PostCreated(
        long networkId,
        long postId,
        long authorId,
        PostVisibility visibility,
        @Nullable Long reblogOfId,
        @Nullable Long inReplyToId,
        List<String> tags,
        List<Long> mentionedAccountIds,
        @Nullable Long groupId) {}
