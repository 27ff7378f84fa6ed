package org.hallway.posts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post as stored: its Markdown source and the sanitized HTML made from it. A repost is a post with
 * {@code reblogOfId} set and no text of its own; it carries its original's audience. A group post
 * carries {@code groupId} and the visibility {@code GROUP}.
 */
public record Post(
        long id,
        long networkId,
        long authorId,
        PostVisibility visibility,
        String text,
        String html,
        String spoilerText,
        boolean sensitive,
        @Nullable String language,
        @Nullable Long inReplyToId,
        @Nullable Long inReplyToAccountId,
        @Nullable Long reblogOfId,
        Instant createdAt,
        @Nullable Instant editedAt,
        int repliesCount,
        int reblogsCount,
        int favouritesCount,
        @Nullable Long groupId) {

    public boolean isReblog() {
        return reblogOfId != null;
    }

    /** What the post says, as a reader's filters match it: its content warning, then its text. */
    public String wording() {
        return spoilerText + "\n" + text;
    }
}
