package org.hallway.posts;

import java.time.Instant;
import java.util.List;
import org.hallway.shared.Viewer;

/** Port: the hashtags colleagues feature on their profiles. */
public interface FeaturedTagStore {
    /** Features the tag; featuring it again keeps the first. Answers the featured tag's id. */
    long add(long id, long networkId, long accountId, String tag, Instant at);

    boolean remove(long accountId, long id);

    /**
     * The account's featured tags in the order they were featured, each counted over the account's own
     * posts (not reposts) that the viewer may see.
     */
    List<FeaturedTag> of(Viewer viewer, long accountId);

    /** The hashtags the colleague used most in their recent posts and does not feature yet, most used first. */
    List<String> suggestions(long networkId, long accountId, int limit);
}
