package org.hallway.notify;

import java.util.List;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many notifications arrived after the reader's notifications marker (all, without one). */
@Service
public class CountUnreadNotifications {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final NotificationStore notifications;
    private final NotificationSettingsStore settings;
    private final MarkerStore markers;

    CountUnreadNotifications(NotificationStore notifications, NotificationSettingsStore settings, MarkerStore markers) {
        this.notifications = notifications;
        this.settings = settings;
        this.markers = markers;
    }

    @Transactional(readOnly = true)
    public int handle(Viewer reader, NotificationQuery query, int limit) {
        int cap = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        var marker = markers.find(reader.accountId(), List.of(ReadMarkers.NOTIFICATIONS))
                .get(ReadMarkers.NOTIFICATIONS);
        long after = marker == null ? 0L : marker.lastReadId();
        return notifications.countAfter(
                reader, after, query.filter(settings.of(reader.accountId()).inApp()), cap);
    }
}
