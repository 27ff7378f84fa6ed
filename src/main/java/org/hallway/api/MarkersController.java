package org.hallway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.api.entity.Marker;
import org.hallway.notify.ReadMarkers;
import org.hallway.notify.SaveMarkers;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mastodon's read markers for the home timeline and the notifications. */
@RestController
class MarkersController {
    private final ReadMarkers read;
    private final SaveMarkers save;

    MarkersController(ReadMarkers read, SaveMarkers save) {
        this.read = read;
        this.save = save;
    }

    @GetMapping("/api/v1/markers")
    Map<String, Marker> markers(Viewer viewer, Params params) {
        return present(read.handle(viewer, params.list("timeline")));
    }

    @PostMapping("/api/v1/markers")
    Map<String, Marker> save(Viewer viewer, Params params) {
        var ids = new LinkedHashMap<String, Long>();
        for (var timeline : ReadMarkers.TIMELINES) {
            var name = timeline + "[last_read_id]";
            var value = params.string(name);
            if (value == null) continue;
            try {
                ids.put(timeline, Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(name, "last_read_id is not a valid id");
            }
        }
        return present(save.handle(viewer, ids));
    }

    private static Map<String, Marker> present(Map<String, org.hallway.notify.Marker> markers) {
        var body = new LinkedHashMap<String, Marker>();
        markers.forEach((timeline, m) -> body.put(
                timeline, new Marker(Long.toString(m.lastReadId()), m.version(), Presenter.time(m.updatedAt()))));
        return body;
    }
}
