package org.hallway.notify;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets where the reader stopped reading, per timeline; each save counts the marker's version up. */
@Service
public class SaveMarkers {
    private final MarkerStore markers;
    private final Clock clock;

    SaveMarkers(MarkerStore markers, Clock clock) {
        this.markers = markers;
        this.clock = clock;
    }

    /** {@code lastReadIds}: timeline to id; unknown timelines are refused. */
    @Transactional
    public Map<String, Marker> handle(Viewer reader, Map<String, Long> lastReadIds) {
        if (lastReadIds.isEmpty()) throw new InvalidInputException("Name a timeline: home or notifications");
        var result = new LinkedHashMap<String, Marker>();
        for (var e : lastReadIds.entrySet()) {
            if (!ReadMarkers.TIMELINES.contains(e.getKey()))
                throw new InvalidInputException("timeline", "Markers exist for home and notifications only");
            if (e.getValue() < 0) throw new InvalidInputException("last_read_id", "last_read_id is not valid");
        }
        var now = clock.instant();
        for (var e : lastReadIds.entrySet()) {
            result.put(e.getKey(), markers.save(reader.networkId(), reader.accountId(), e.getKey(), e.getValue(), now));
        }
        return result;
    }
}
