/**
 * Composing, editing (with history), deleting, replying, reposting, liking and bookmarking posts;
 * hashtags and mentions; a new post's poll is opened, and a page's polls are read, through {@code polls}. Owns {@code posts}, {@code post_edits}, {@code post_tags},
 * {@code post_mentions}, {@code favourites}, {@code bookmarks}, {@code author_stats},
 * {@code idempotency_keys}. Publishes {@link org.hallway.posts.PostCreated} (delivered once per committed batch,
 * durably, as {@link org.hallway.posts.PostsCreated} → {@link org.hallway.posts.PostsCommitted} and {@link
 * org.hallway.posts.PostCommitted}: ADRs 0025, 0045), {@link
 * org.hallway.posts.PostEdited}, {@link org.hallway.posts.PostDeleted}, {@link
 * org.hallway.posts.PostLiked}, {@link org.hallway.posts.PostUnliked}.
 */
package org.hallway.posts;
