package org.hallway.api.entity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Mastodon's PreviewCard: a status's link card (title, description, picture), a link's type only. */
public record PreviewCard(
        String url,
        String title,
        String description,
        String type,
        String authorName,
        String authorUrl,
        List<Object> authors,
        String providerName,
        String providerUrl,
        String html,
        int width,
        int height,
        @Nullable String image,
        @Nullable String imageDescription,
        String embedUrl,
        @Nullable String blurhash,
        @Nullable String publishedAt,
        @Nullable String language) {

    public static PreviewCard link(
            String url,
            String title,
            String description,
            String providerName,
            @Nullable String image,
            int width,
            int height,
            @Nullable String imageDescription,
            @Nullable String blurhash) {
        return new PreviewCard(
                url,
                title,
                description,
                "link",
                "",
                "",
                List.of(),
                providerName,
                "",
                "",
                width,
                height,
                image,
                imageDescription,
                "",
                blurhash,
                null,
                null);
    }
}
