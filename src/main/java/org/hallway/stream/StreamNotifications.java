package org.hallway.stream;

import org.hallway.notify.NotificationCreated;
import org.hallway.shared.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a colleague's open streams (web badge, Mastodon apps) about a new notification, once it is
 * committed; not through the event publication registry (ADR 0025): a lost push is recovered by the
 * next read of the notifications.
 */
@Component
class StreamNotifications {
    private final Broker broker;
    private final AfterCommit afterCommit;

    StreamNotifications(Broker broker, AfterCommit afterCommit) {
        this.broker = broker;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(NotificationCreated event) {
        afterCommit.run(() -> broker.publish(
                new LiveEvent.NotificationAdded(event.networkId(), event.accountId(), event.notificationId())));
    }
}
