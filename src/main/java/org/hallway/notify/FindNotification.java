package org.hallway.notify;

import java.util.List;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One of the reader's notifications; "not found" for anyone else's, or one about a post out of sight. */
@Service
public class FindNotification {
    private final NotificationStore notifications;
    private final ReadNotifications reader;

    FindNotification(NotificationStore notifications, ReadNotifications reader) {
        this.notifications = notifications;
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    public NotificationView handle(Viewer viewer, long id) {
        var found = notifications.find(viewer, id).orElseThrow(NotFoundException::record);
        var views = reader.views(viewer, List.of(found));
        if (views.isEmpty()) throw NotFoundException.record();
        return views.getFirst();
    }
}
