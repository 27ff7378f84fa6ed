package org.hallway.search;

/**
 * Port: the title and description shown on a link's card. Without fetched previews a card shows the
 * link's domain as its title (ADR 0027).
 */
public interface LinkPreviews {
    record Preview(String title, String description) {}

    Preview preview(long networkId, String url);

    /** Links just shared: fetch the previews not known yet, when previews are on (else nothing). */
    void learn(long networkId, java.util.List<String> urls);
}
