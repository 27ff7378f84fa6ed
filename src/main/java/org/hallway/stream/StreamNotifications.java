package org.hallway.stream;

import org.hallway.notify.NotificationCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a colleague's open streams (web badge, Mastodon apps) about a new notification. */
@Component
class StreamNotifications {
    private final Broker broker;

    StreamNotifications(Broker broker) {
        this.broker = broker;
    }

    @ApplicationModuleListener
    void on(NotificationCreated event) {
        broker.publish(new LiveEvent.NotificationAdded(event.networkId(), event.accountId(), event.notificationId()));
    }
}
