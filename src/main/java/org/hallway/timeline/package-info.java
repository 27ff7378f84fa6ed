/**
 * Feeds: home (fan-out on write into capped per-reader feeds, with the hybrid rule for authors with
 * very many followers; active readers' feed ids held in memory, ADR 0036), company, hashtag, profile, thread, mentions, likes, bookmarks, and colleagues'
 * own lists with their feeds. Owns {@code home_feed}, {@code lists}, {@code list_members}; reads posts, follows and reactions. Consumes {@link org.hallway.posts.PostsCommitted} (new posts, fanned out a batch at a time, ADRs 0025, 0045) and {@link org.hallway.posts.PostCommitted} (a new post, ADR 0025),
 * {@link org.hallway.posts.PostDeleted}, {@link org.hallway.follow.AccountFollowed}, {@link
 * org.hallway.follow.AccountUnfollowed}. Publishes {@link org.hallway.timeline.PostFannedOut} once a post is
 * in its readers' home feeds, and {@link org.hallway.timeline.DirectMessageFiled} once a direct message is in
 * its participants' conversations.
 */
package org.hallway.timeline;
