package org.hallway.api.entity;

import java.util.List;

/** Mastodon 4.3's GroupedNotificationsResults: the groups, and each account and status they name once. */
public record GroupedNotificationsResults(
        List<Account> accounts, List<Status> statuses, List<NotificationGroup> notificationGroups) {}
