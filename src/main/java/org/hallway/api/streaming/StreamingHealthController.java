package org.hallway.api.streaming;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Compat(mastodon): apps probe the streaming server's health before they connect. */
@RestController
class StreamingHealthController {
    @GetMapping({"/api/v1/streaming/health", "/api/v1/streaming/health/"})
    ResponseEntity<String> health() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("OK");
    }
}
