package org.hallway.api.streaming;

import java.util.Optional;
import org.hallway.shared.Viewer;

/**
 * Renders a notification as Mastodon's {@code Notification} entity for the streaming API. The
 * notifications module's API side provides it; until then, notification events are not streamed.
 */
public interface StreamedNotifications {
    Optional<Object> render(Viewer viewer, long notificationId);
}
