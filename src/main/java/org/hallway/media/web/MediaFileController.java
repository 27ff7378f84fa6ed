package org.hallway.media.web;

import java.time.Duration;
import org.hallway.media.MediaFiles;
import org.hallway.media.ServeMedia;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves media files at {@code /media/<id>/<reader>/<signature>/original.<ext>} (and {@code small}).
 * Files never change, so a browser may keep one for an hour; privately, since each path belongs to
 * one reader. Range requests are answered with 206 Partial Content (Spring's resource handling), so
 * browsers and apps can seek in a video or audio without loading all of it.
 */
@RestController
class MediaFileController {
    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final ServeMedia serve;

    MediaFileController(ServeMedia serve) {
        this.serve = serve;
    }

    @GetMapping("/media/{id}/{reader}/{signature}/{variant:original|small}.{ext:png|jpg|mp4|mp3}")
    ResponseEntity<Resource> file(
            @PathVariable String id,
            @PathVariable String reader,
            @PathVariable String signature,
            @PathVariable String variant) {
        long mediaId;
        long readerId;
        try {
            mediaId = Long.parseLong(id);
            readerId = Long.parseLong(reader);
        } catch (NumberFormatException e) {
            return ResponseEntity.notFound().build();
        }
        var file = serve.handle(
                mediaId,
                readerId,
                signature,
                variant.equals("original") ? MediaFiles.Variant.ORIGINAL : MediaFiles.Variant.SMALL);
        if (file.isEmpty()) return ResponseEntity.notFound().build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.get().contentType()))
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate())
                .eTag("\"m" + file.get().mediaId() + variant.charAt(0) + "\"")
                .body(new FileSystemResource(file.get().path()));
    }
}
