package org.hallway.search;

import org.jspecify.annotations.Nullable;

/**
 * Port: the title, description and picture shown on a link's card. Without fetched previews a card
 * shows the link's domain as its title and no picture (ADRs 0027, 0039).
 */
public interface LinkPreviews {
    record Preview(String title, String description, @Nullable Image image) {
        public Preview(String title, String description) {
            this(title, description, null);
        }
    }

    /**
     * A card's picture as Hallway stores it: scaled down, at {@code path} (absolute on this server, to be
     * prefixed with its public URL), with its size, blurhash and the page's text for it (empty if none).
     */
    record Image(String path, int width, int height, String blurhash, String description) {}

    Preview preview(long networkId, String url);

    /** The previews fetched with a title among {@code urls}, by link; links without one are left out. */
    java.util.Map<String, Preview> fetched(long networkId, java.util.Collection<String> urls);

    /** Links just shared: fetch the previews not known yet, when previews are on (else nothing). */
    void learn(long networkId, java.util.List<String> urls);
}
