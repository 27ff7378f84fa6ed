package org.hallway.notify;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reader's read markers for the timelines asked for ({@code home}, {@code notifications}). */
@Service
public class ReadMarkers {
    public static final String HOME = "home";
    public static final String NOTIFICATIONS = "notifications";
    public static final List<String> TIMELINES = List.of(HOME, NOTIFICATIONS);

    private final MarkerStore markers;

    ReadMarkers(MarkerStore markers) {
        this.markers = markers;
    }

    @Transactional(readOnly = true)
    public Map<String, Marker> handle(Viewer reader, Collection<String> timelines) {
        return markers.find(
                reader.accountId(),
                timelines.stream().filter(TIMELINES::contains).toList());
    }
}
