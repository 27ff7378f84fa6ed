package org.hallway.api.entity;

import org.jspecify.annotations.Nullable;

/**
 * Mastodon's MediaAttachment. {@code url} and {@code preview_url} are per reader (see MediaUrls);
 * {@code meta.original.size} is Mastodon's "WxH" text.
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

    public record Meta(Details original, Details small, Focus focus) {}

    public record Details(int width, int height, String size, double aspect) {
        public static Details of(int width, int height) {
            return new Details(width, height, width + "x" + height, height == 0 ? 1 : (double) width / height);
        }
    }

    public record Focus(double x, double y) {}
}
