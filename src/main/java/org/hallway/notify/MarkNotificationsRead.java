package org.hallway.notify;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves the notifications marker to the newest notification: opening the notifications page does this. */
@Service
public class MarkNotificationsRead {
    private final NotificationStore notifications;
    private final MarkerStore markers;
    private final Clock clock;

    MarkNotificationsRead(NotificationStore notifications, MarkerStore markers, Clock clock) {
        this.notifications = notifications;
        this.markers = markers;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer reader) {
        var newest = notifications.page(
                reader,
                new NotificationStore.Filter(EnumSet.allOf(NotificationType.class), null),
                PageRequest.first(1));
        if (newest.isEmpty()) return;
        long id = newest.getFirst().id();
        var current = markers.find(reader.accountId(), List.of(ReadMarkers.NOTIFICATIONS))
                .get(ReadMarkers.NOTIFICATIONS);
        if (current != null && current.lastReadId() >= id) return;
        markers.save(reader.networkId(), reader.accountId(), ReadMarkers.NOTIFICATIONS, id, clock.instant());
    }
}
