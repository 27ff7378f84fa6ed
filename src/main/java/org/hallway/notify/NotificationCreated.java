package org.hallway.notify;

/** A notification for {@code accountId} was stored; live delivery pushes it to open connections. */
public record NotificationCreated(long accountId, long networkId, long notificationId) {}
