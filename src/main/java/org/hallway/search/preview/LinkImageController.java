package org.hallway.search.preview;

import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the pictures of link cards at {@code /link-images/<token>.<jpg|png>}, to apps too (which load
 * pictures without a token): the random token in the path is what lets a reader have it, as a media
 * path's signature does. A picture never changes, so a browser keeps it for a day.
 */
@RestController
class LinkImageController {
    private final LinkImages images;

    LinkImageController(LinkImages images) {
        this.images = images;
    }

    @GetMapping("/link-images/{token}.{ext:jpg|png}")
    ResponseEntity<Resource> image(@PathVariable String token, @PathVariable String ext) {
        var file = images.find(token, ext);
        if (file.isEmpty()) return ResponseEntity.notFound().build();
        return ResponseEntity.ok()
                .contentType(ext.equals("jpg") ? MediaType.IMAGE_JPEG : MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(new FileSystemResource(file.get()));
    }
}
