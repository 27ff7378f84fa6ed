package org.hallway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading and posting defaults (Mastodon's /api/v1/preferences), and the notification list apps poll
 * right after sign-in. Notifications themselves are delivered by the notify module once it exists;
 * until then the list is honestly empty rather than a 404, which some apps treat as fatal.
 */
@RestController
class PreferencesController {

    @GetMapping("/api/v1/preferences")
    Map<String, Object> preferences(Viewer viewer) {
        var body = new LinkedHashMap<String, Object>();
        body.put("posting:default:visibility", "public");
        body.put("posting:default:sensitive", false);
        body.put("posting:default:language", null);
        body.put("reading:expand:media", "default");
        body.put("reading:expand:spoilers", false);
        return body;
    }

    @GetMapping("/api/v1/notifications")
    List<Object> notifications(Viewer viewer) {
        return List.of();
    }
}
