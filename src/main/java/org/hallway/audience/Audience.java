package org.hallway.audience;

import java.util.Collection;
import java.util.Set;

/**
 * A viewer's audience described as data, for read paths that cannot embed {@link
 * Visibility#visibleTo(String)} in SQL (the search index builds its filter from it). It states the same
 * rule: a post of the viewer's network that is not deleted is visible when its visibility is one of
 * {@link #openVisibilities}, when the viewer wrote it, when the viewer follows its author, or when it
 * mentions the viewer. {@link Visibility} is the only place that makes one.
 */
public record Audience(long networkId, long viewerId, Set<String> openVisibilities, Set<Long> followedAuthors) {

    public Audience {
        openVisibilities = Set.copyOf(openVisibilities);
        followedAuthors = Set.copyOf(followedAuthors);
    }

    /** The rule applied to one post's audience facts; mirrors {@link Visibility#visibleTo(String)}. */
    public boolean admits(
            long postNetworkId, long authorId, String visibility, Collection<Long> mentionedIds, boolean deleted) {
        if (postNetworkId != networkId || deleted) return false;
        return openVisibilities.contains(visibility)
                || authorId == viewerId
                || followedAuthors.contains(authorId)
                || mentionedIds.contains(viewerId);
    }
}
