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

    /**
     * Links just shared: each known card is marked shared now; when previews are on, the previews not
     * known yet are fetched, and those fetched longer than {@link #REFRESH_AFTER} ago are fetched again.
     */
    void learn(long networkId, java.util.List<String> urls);

    /** A card is fetched again when its link is shared after this long (Mastodon's rule too). */
    java.time.Duration REFRESH_AFTER = java.time.Duration.ofDays(14);

    /**
     * Removes the cards that no live post links to any more and whose link was last shared before
     * {@code sharedBefore}; returns how many. A card shared at this moment is kept.
     */
    int forgetUnshared(java.time.Instant sharedBefore);

    /**
     * Deletes the picture files that no card names and that were written before {@code writtenBefore}
     * (a picture is written just before its card is stored: a younger one may belong to a card being
     * created); returns how many.
     */
    int removeUnusedPictures(java.time.Instant writtenBefore);
}
