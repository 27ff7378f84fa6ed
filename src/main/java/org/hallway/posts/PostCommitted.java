package org.hallway.posts;

/**
 * A new post (or repost) is committed, and its after-commit work runs now: published once per post,
 * inside the transaction of the one durable delivery of {@link PostCreated} (ADR 0025). Listen with a
 * plain {@code @EventListener}: everything such listeners write commits together, and if one of them
 * fails nothing is kept and the event publication registry delivers the post again later. Order the
 * listeners ({@code @Order}) when one needs another's rows; keep work that must happen at most once
 * outside the database idempotent.
 */
public record PostCommitted(PostCreated post) {}
