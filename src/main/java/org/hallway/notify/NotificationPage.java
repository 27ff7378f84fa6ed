package org.hallway.notify;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of notifications, newest first, with the cursors for older and newer pages. */
public record NotificationPage(List<NotificationView> items, @Nullable Long nextMaxId, @Nullable Long prevMinId) {}
