package org.hallway.api.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Mastodon's MediaAttachment. {@code url} and {@code preview_url} are per reader (see MediaUrls), and
 * null while a video or audio is processing ({@code preview_url} stays null for audio);
 * {@code meta.original.size} is Mastodon's "WxH" text. Meta carries what the type has, as Mastodon's:
 * an image its sizes, a video or gifv also its length, duration, fps and bitrate, an audio its length,
 * duration and bitrate.
 */
public record MediaAttachment(
        String id,
        String type,
        @Nullable String url,
        @Nullable String previewUrl,
        @Nullable String remoteUrl,
        @Nullable String previewRemoteUrl,
        @Nullable String textUrl,
        Meta meta,
        @Nullable String description,
        @Nullable String blurhash) {

    /** The same attachment with the alt text a given version of its post had. */
    public MediaAttachment withDescription(@Nullable String text) {
        return new MediaAttachment(
                id, type, url, previewUrl, remoteUrl, previewRemoteUrl, textUrl, meta, text, blurhash);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(
            @Nullable String length,
            @Nullable Double duration,
            @Nullable Integer fps,
            @Nullable String size,
            @Nullable Integer width,
            @Nullable Integer height,
            @Nullable Double aspect,
            @Nullable Details original,
            @Nullable Details small,
            @Nullable Focus focus) {
        public static Meta image(Details original, Details small, Focus focus) {
            return new Meta(null, null, null, null, null, null, null, original, small, focus);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(
            @Nullable Integer width,
            @Nullable Integer height,
            @Nullable String size,
            @Nullable Double aspect,
            @Nullable String frameRate,
            @Nullable Double duration,
            @Nullable Long bitrate) {
        public static Details of(int width, int height) {
            return new Details(
                    width, height, width + "x" + height, height == 0 ? 1 : (double) width / height, null, null, null);
        }
    }

    public record Focus(double x, double y) {}
}
