package org.hallway.posts;

import java.time.Instant;
import java.util.List;

/** Port: likes (Mastodon's favourites) and bookmarks, one row per colleague and post. */
public interface ReactionStore {
    enum Kind {
        FAVOURITE,
        BOOKMARK
    }

    /** A reaction row: its own id pages the "likes" and "bookmarks" lists, newest reaction first. */
    record Reaction(long id, long postId) {}

    /** True when the reaction was new. */
    boolean add(Kind kind, long id, long networkId, long accountId, long postId, Instant at);

    /** True when there was a reaction to remove. */
    boolean remove(Kind kind, long accountId, long postId);

    /** The accounts that liked a post, newest first. */
    List<Long> accountsReacting(Kind kind, long postId, int limit);

    /** The accounts that reposted a post (reposts not undone), newest first. */
    List<Long> accountsReposting(long postId, int limit);
}
