package org.hallway.api;

import java.util.List;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints apps call right after sign-in, for features Hallway does not have yet: they answer as
 * Mastodon does when there is nothing, so that apps start cleanly.
 */
@RestController
class PlaceholdersController {

    /** Server announcements (Mastodon's, not Hallway's must-read announcements): none yet. */
    @GetMapping("/api/v1/announcements")
    List<Object> announcements(Viewer viewer) {
        return List.of();
    }

    /** Every Hallway account is unlocked: follows need no approval, so no request is ever pending. */
    @GetMapping("/api/v1/follow_requests")
    List<Object> followRequests(Viewer viewer) {
        return List.of();
    }
}
