package org.hallway.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading and posting defaults (Mastodon's /api/v1/preferences). */
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
}
