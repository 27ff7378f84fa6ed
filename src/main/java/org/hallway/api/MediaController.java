package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.hallway.api.entity.MediaAttachment;
import org.hallway.media.DescribeMedia;
import org.hallway.media.FindMedia;
import org.hallway.media.Media;
import org.hallway.media.MediaLimits;
import org.hallway.media.UploadMedia;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Mastodon's media uploads. Hallway processes an image while the upload request waits (tens of
 * milliseconds), so {@code POST /api/v2/media} answers 200 with {@code url} set, which Mastodon's
 * contract allows for media processed synchronously. Video, audio and animated GIFs are converted in
 * the background: the upload answers 202 with {@code url: null}, and {@code GET /api/v1/media/:id}
 * answers 206 until they are ready (then 200), or 422 with the reason if processing failed. An upload
 * belongs to its uploader: to anyone else its id answers 404.
 */
@RestController
class MediaController {
    private final UploadMedia upload;
    private final DescribeMedia describe;
    private final FindMedia find;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final MediaLimits limits;

    MediaController(
            UploadMedia upload,
            DescribeMedia describe,
            FindMedia find,
            Presenter presenter,
            BaseUrl baseUrl,
            MediaLimits limits) {
        this.limits = limits;
        this.upload = upload;
        this.describe = describe;
        this.find = find;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @PostMapping({"/api/v1/media", "/api/v2/media"})
    ResponseEntity<?> create(
            Viewer viewer,
            Params params,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            HttpServletRequest request)
            throws IOException {
        // The servlet parses files up to twice the largest limit (for the web form); the API refuses
        // them unread, with the answer a request over the servlet's limit gets.
        if (file != null && file.getSize() > limits.largestBytes())
            return ApiErrors.error(
                    HttpStatus.CONTENT_TOO_LARGE, "The file is too large (at most " + limits.largestBytesText() + ")");
        var bytes = file == null ? null : file.getBytes();
        var media = upload.handle(
                viewer, new UploadMedia.Command(bytes, params.string("description"), params.string("focus")));
        boolean v2 = request.getRequestURI().contains("/api/v2/");
        return ResponseEntity.status(v2 && media.processing() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(entity(viewer, media));
    }

    @GetMapping("/api/v1/media/{id}")
    ResponseEntity<?> show(Viewer viewer, @PathVariable String id) {
        var media = find.requireOwn(viewer, Ids.parse(id));
        if (media.status().equals(Media.FAILED))
            return ApiErrors.error(
                    HttpStatus.UNPROCESSABLE_CONTENT, "Error processing the uploaded file: " + media.error());
        return ResponseEntity.status(media.processing() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
                .body(entity(viewer, media));
    }

    @PutMapping("/api/v1/media/{id}")
    MediaAttachment update(Viewer viewer, @PathVariable String id, Params params) {
        var media = describe.handle(
                viewer, Ids.parse(id), new DescribeMedia.Command(params.string("description"), params.string("focus")));
        return entity(viewer, media);
    }

    private MediaAttachment entity(Viewer viewer, Media media) {
        return presenter.mediaAttachment(media, viewer, baseUrl.get());
    }
}
