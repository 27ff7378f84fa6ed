package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon 4.3's NotificationGroup. Compat(mastodon): ids are strings, {@code most_recent_notification_id}
 * too: Hallway's 64-bit ids lose digits as JavaScript numbers (ADR 0042).
 */
public record NotificationGroup(
        String groupKey,
        int notificationsCount,
        String type,
        String mostRecentNotificationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String pageMinId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String pageMaxId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String latestPageNotificationAt,
        List<String> sampleAccountIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String statusId,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Report report) {}
