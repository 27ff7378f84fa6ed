package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's Notification: who did what, and the status it concerns (absent for follows). Hallway's
 * group notifications carry the {@code group} they are about (an extension; absent otherwise);
 * {@code admin.report} carries the {@code report}.
 */
public record Notification(
        String id,
        String type,
        String createdAt,
        String groupKey,
        Account account,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Status status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Group group,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Report report) {

    public Notification(
            String id,
            String type,
            String createdAt,
            String groupKey,
            Account account,
            @Nullable Status status,
            @Nullable Group group) {
        this(id, type, createdAt, groupKey, account, status, group, null);
    }
}
