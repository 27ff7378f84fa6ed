package org.hallway.push;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A device's Web Push subscription, made by an app for one access token: where to push ({@code
 * endpoint}), the device's keys, which notification types ({@code alerts}, Mastodon's codes) and from
 * whom ({@code policy}).
 */
public record PushSubscription(
        long id,
        long networkId,
        long accountId,
        String endpoint,
        String p256dh,
        String auth,
        Set<String> alerts,
        PushPolicy policy,
        boolean standard,
        Instant createdAt) {

    /** The alert types Mastodon apps set, in Mastodon's order. */
    public static final List<String> ALERT_TYPES = List.of(
            "mention",
            "status",
            "reblog",
            "follow",
            "follow_request",
            "favourite",
            "poll",
            "update",
            "admin.sign_up",
            "admin.report");
}
