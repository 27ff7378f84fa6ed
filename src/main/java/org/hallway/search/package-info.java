/**
 * Search and discovery: a Lucene index of posts, people and hashtags (derived from PostgreSQL and
 * rebuildable from it at any time), the query language, social ranking, the expertise finder and
 * trends. Owns {@code post_links} (each post's normalized links, for link trends) and {@code link_cards}
 * (fetched link previews) and {@code search_backfills} (progress of the one-off link backfill); reads posts,
 * reactions, accounts, skills and groups to build documents, and the reader's mutes and blocks through
 * {@link org.hallway.follow.MutesAndBlocks#HIDDEN_AUTHORS} to leave those colleagues out of results.
 * Consumes {@link
 * org.hallway.posts.PostsCommitted}, {@link org.hallway.posts.PostEdited}, {@link
 * org.hallway.posts.PostDeleted}, {@link org.hallway.posts.PostLiked}, {@link
 * org.hallway.posts.PostUnliked}, {@link org.hallway.identity.AccountCreated}, {@link
 * org.hallway.identity.AccountDeactivated} and {@link org.hallway.identity.ProfileUpdated}. The audience
 * filter inside every query comes from {@link org.hallway.audience.Visibility#audienceOf}.
 */
package org.hallway.search;
