package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mastodon's ScheduledStatus: a status to be published at {@code scheduled_at}, with its parameters. */
public record ScheduledStatus(String id, String scheduledAt, Params params, List<Object> mediaAttachments) {

    /**
     * The parameters as Mastodon echoes them. Compat(mastodon): {@code in_reply_to_id} is a number here,
     * unlike everywhere else; {@code application_id} and {@code with_rate_limit} are historical.
     */
    public record Params(
            String text,
            String visibility,
            @Nullable Long inReplyToId,
            @Nullable String spoilerText,
            @Nullable Boolean sensitive,
            @Nullable String language,
            @Nullable String idempotency,
            @Nullable List<String> mediaIds,
            @Nullable Poll poll,
            @Nullable String scheduledAt,
            long applicationId,
            boolean withRateLimit,
            @Nullable String groupId) {}

    public record Poll(List<String> options, long expiresIn, boolean multiple, boolean hideTotals) {}
}
