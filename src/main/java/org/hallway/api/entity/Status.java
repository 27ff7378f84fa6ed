package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's Status. {@code text} (the Markdown source) is present only where Mastodon sends it.
 * {@code group_id} is Hallway's: the group a group post belongs to, else null.
 */
public record Status(
        String id,
        String uri,
        String url,
        String createdAt,
        Account account,
        String content,
        String visibility,
        boolean sensitive,
        String spoilerText,
        List<MediaAttachment> mediaAttachments,
        @Nullable Object application,
        List<Mention> mentions,
        List<TagRef> tags,
        List<Object> emojis,
        int reblogsCount,
        int favouritesCount,
        int repliesCount,
        @Nullable String inReplyToId,
        @Nullable String inReplyToAccountId,
        @Nullable Status reblog,
        @Nullable Object poll,
        @Nullable Object card,
        @Nullable String language,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String text,
        @Nullable String editedAt,
        boolean favourited,
        boolean reblogged,
        boolean muted,
        boolean bookmarked,
        boolean pinned,
        List<Object> filtered,
        @Nullable String groupId) {

    public record Mention(String id, String username, String url, String acct) {}

    public record TagRef(String name, String url) {}

    /**
     * The same status with what depends on its reader: pinned (their own post on their profile), muted
     * (its thread) and the reader's warning filters it matches; a repost's original carries them too.
     */
    public Status withMarks(boolean pinned, boolean muted, List<Object> filtered) {
        return new Status(
                id,
                uri,
                url,
                createdAt,
                account,
                content,
                visibility,
                sensitive,
                spoilerText,
                mediaAttachments,
                application,
                mentions,
                tags,
                emojis,
                reblogsCount,
                favouritesCount,
                repliesCount,
                inReplyToId,
                inReplyToAccountId,
                reblog == null ? null : reblog.withMarks(pinned, muted, filtered),
                poll,
                card,
                language,
                text,
                editedAt,
                favourited,
                reblogged,
                muted,
                bookmarked,
                reblog == null && pinned,
                filtered,
                groupId);
    }

    public Status withText(String source) {
        return new Status(
                id,
                uri,
                url,
                createdAt,
                account,
                content,
                visibility,
                sensitive,
                spoilerText,
                mediaAttachments,
                application,
                mentions,
                tags,
                emojis,
                reblogsCount,
                favouritesCount,
                repliesCount,
                inReplyToId,
                inReplyToAccountId,
                reblog,
                poll,
                card,
                language,
                source,
                editedAt,
                favourited,
                reblogged,
                muted,
                bookmarked,
                pinned,
                filtered,
                groupId);
    }
}
