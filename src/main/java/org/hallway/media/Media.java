package org.hallway.media;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An upload as stored: its original (a re-encoded image, an H.264 video, an MP3) and a small still
 * preview (none for audio), both with their pixel sizes and byte sizes, the alt text, the focal point
 * (-1..1 on each axis, Mastodon's convention) and a blurhash; for video and audio, its duration, frame
 * rate and bitrate. {@code status} is {@code processing} while a video or audio is being converted in
 * the background, {@code ready} once its files exist, {@code failed} (with {@code error}) if they never
 * will. {@code postId} is null until a post takes it.
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
        Instant createdAt,
        String status,
        @Nullable String error,
        @Nullable String smallContentType,
        @Nullable Double duration,
        @Nullable String frameRate,
        @Nullable Long bitrate) {

    public static final String PROCESSING = "processing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    /** The file name extension of the original. */
    public String extension() {
        return extensionOf(contentType);
    }

    /** The file name extension of the preview, null when there is none (audio). */
    public @Nullable String smallExtension() {
        return smallContentType == null ? null : extensionOf(smallContentType);
    }

    static String extensionOf(String contentType) {
        return switch (contentType) {
            case "image/png" -> "png";
            case "video/mp4" -> "mp4";
            case "audio/mpeg" -> "mp3";
            default -> "jpg";
        };
    }

    public boolean attached() {
        return postId != null;
    }

    public boolean ready() {
        return status.equals(READY);
    }

    public boolean processing() {
        return status.equals(PROCESSING);
    }

    /** Plays over time (video, gifv, audio) rather than being a still image. */
    public boolean timed() {
        return !type.equals("image");
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
                createdAt,
                status,
                error,
                smallContentType,
                duration,
                frameRate,
                bitrate);
    }

    /** The same upload once its files are made. */
    Media processed(
            String contentType,
            int width,
            int height,
            long size,
            @Nullable String smallContentType,
            int smallWidth,
            int smallHeight,
            long smallSize,
            @Nullable String blurhash,
            @Nullable Double duration,
            @Nullable String frameRate,
            @Nullable Long bitrate) {
        return new Media(
                id,
                networkId,
                accountId,
                postId,
                position,
                type,
                contentType,
                description,
                focusX,
                focusY,
                width,
                height,
                size,
                smallWidth,
                smallHeight,
                smallSize,
                blurhash,
                createdAt,
                READY,
                null,
                smallContentType,
                duration,
                frameRate,
                bitrate);
    }
}
