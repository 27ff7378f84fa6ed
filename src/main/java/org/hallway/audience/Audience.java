package org.hallway.audience;

import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A viewer's audience described as data, for read paths that cannot embed {@link
 * Visibility#visibleTo(String)} in SQL (the search index builds its filter from it). It states the same
 * rule: a post of the viewer's network that is not deleted is visible when the viewer wrote it; a group
 * post when its group is one of {@link #readableGroups}; a direct message when it mentions the viewer;
 * and, for colleagues (not guests), a company-wide post, or a followers-only post whose author the
 * viewer follows or that mentions them. A mention never widens a group post. {@link Visibility} is the
 * only place that makes one.
 */
public record Audience(
        long networkId, long viewerId, boolean colleague, Set<Long> followedAuthors, Set<Long> readableGroups) {

    public Audience {
        followedAuthors = Set.copyOf(followedAuthors);
        readableGroups = Set.copyOf(readableGroups);
    }

    /** The rule applied to one post's audience facts; mirrors {@link Visibility#visibleTo(String)}. */
    public boolean admits(
            long postNetworkId,
            long authorId,
            String visibility,
            @Nullable Long groupId,
            Collection<Long> mentionedIds,
            boolean deleted) {
        if (postNetworkId != networkId || deleted) return false;
        if (authorId == viewerId) return true;
        return switch (visibility) {
            case "group" -> groupId != null && readableGroups.contains(groupId);
            case "direct" -> mentionedIds.contains(viewerId);
            case "public", "unlisted" -> colleague;
            case "private" -> colleague && (followedAuthors.contains(authorId) || mentionedIds.contains(viewerId));
            default -> false;
        };
    }
}
