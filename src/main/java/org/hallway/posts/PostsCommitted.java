package org.hallway.posts;

import java.util.List;

/**
 * The posts of one {@link PostsCreated} batch are committed, and their after-commit work runs now:
 * published once per batch inside the durable delivery's transaction, before the batch's {@link
 * PostCommitted}s (ADR 0045). For consumers that handle a batch in one statement (the fan-out, the
 * search documents' read); the same rules as for {@link PostCommitted} apply: listen with a plain
 * {@code @EventListener}, stay idempotent.
 */
public record PostsCommitted(List<PostCreated> posts) {
    public PostsCommitted {
        posts = List.copyOf(posts);
    }
}
