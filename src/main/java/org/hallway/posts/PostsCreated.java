package org.hallway.posts;

import java.util.List;

/**
 * The posts committed together in one transaction (a group commit's batch, or a single post): the one
 * event of the batch that the event publication registry keeps until its delivery completed (ADR 0045).
 * Its {@link PostCreated}s are published beside it, one per post, for listeners that only react after
 * commit without storing anything; modules that must not miss a post listen to {@link PostCommitted} or
 * {@link PostsCommitted}.
 */
public record PostsCreated(List<PostCreated> posts) {
    public PostsCreated {
        posts = List.copyOf(posts);
    }
}
