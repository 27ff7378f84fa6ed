package org.hallway.api;

import java.util.List;
import java.util.Map;
import org.hallway.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** With no announcements, dismissing one answers as Mastodon does for an unknown id. */
    @PostMapping("/api/v1/announcements/{id}/dismiss")
    ResponseEntity<Map<String, Object>> dismissAnnouncement(Viewer viewer, @PathVariable String id) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, "Record not found");
    }

    /** Every Hallway account is unlocked: follows need no approval, so no request is ever pending. */
    @GetMapping("/api/v1/follow_requests")
    List<Object> followRequests(Viewer viewer) {
        return List.of();
    }

    /** Accepting or refusing a request that can't exist: Mastodon's answer for an unknown one. */
    @PostMapping({"/api/v1/follow_requests/{id}/authorize", "/api/v1/follow_requests/{id}/reject"})
    ResponseEntity<Map<String, Object>> answerFollowRequest(Viewer viewer, @PathVariable String id) {
        return ApiErrors.error(HttpStatus.NOT_FOUND, "Record not found");
    }

    /** The server's rules (Mastodon 3.4+; apps show them at sign-up and in reports): none. */
    @GetMapping("/api/v1/instance/rules")
    List<Object> rules() {
        return List.of();
    }
}
