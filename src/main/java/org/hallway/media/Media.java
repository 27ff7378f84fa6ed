package org.hallway.media;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded image as stored: its re-encoded original and a small preview, both with their pixel
 * sizes and byte sizes, the alt text, the focal point (-1..1 on each axis, Mastodon's convention) and
 * a blurhash. {@code postId} is null until a post takes it.
 */
public record Media(
        long id,
        long networkId,
        long accountId,
        @Nullable Long postId,
        int position,
        String type,
        String contentType,
        @Nullable String description,
        float focusX,
        float focusY,
        int width,
        int height,
        long size,
        int smallWidth,
        int smallHeight,
        long smallSize,
        @Nullable String blurhash,
        Instant createdAt) {

    /** The file name extension of both stored versions. */
    public String extension() {
        return contentType.equals("image/png") ? "png" : "jpg";
    }

    public boolean attached() {
        return postId != null;
    }

    Media withDescription(@Nullable String text, float x, float y) {
        return new Media(
                id,
                networkId,
                accountId,
                postId,
                position,
                type,
                contentType,
                text,
                x,
                y,
                width,
                height,
                size,
                smallWidth,
                smallHeight,
                smallSize,
                blurhash,
                createdAt);
    }
}
