package org.hallway.notify;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Removes one of the reader's notifications. */
@Service
public class DismissNotification {
    private final NotificationStore notifications;

    DismissNotification(NotificationStore notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public void handle(Viewer reader, long id) {
        if (!notifications.dismiss(reader, id)) throw NotFoundException.record();
    }
}
