package org.hallway.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post as the index keeps it: its text, audience facts (network, author, visibility, group, mentions), the
 * author's work context, and who engaged with it. Reposts are not documents: they count on the original.
 */
public record PostDoc(
        long id,
        long networkId,
        long authorId,
        String authorHandle,
        String authorDepartment,
        String visibility,
        @Nullable Long groupId,
        String text,
        List<String> tags,
        List<Long> mentionIds,
        boolean hasLink,
        @Nullable Long inReplyToId,
        Instant createdAt,
        List<Long> likedBy,
        List<Long> repostedBy) {}
