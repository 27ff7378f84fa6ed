package org.hallway.notify;

import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Removes all of the reader's notifications. */
@Service
public class ClearNotifications {
    private final NotificationStore notifications;

    ClearNotifications(NotificationStore notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public void handle(Viewer reader) {
        notifications.clear(reader);
    }
}
