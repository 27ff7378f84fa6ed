package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's Notification: who did what, and the status it concerns (absent for follows). Hallway's
 * group notifications carry the {@code group} they are about (an extension; absent otherwise).
 */
public record Notification(
        String id,
        String type,
        String createdAt,
        String groupKey,
        Account account,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Status status,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Group group) {}
