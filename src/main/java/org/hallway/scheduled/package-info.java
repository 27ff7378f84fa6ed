/**
 * Posts scheduled for later: scheduling, listing, moving and cancelling them, and publishing them when
 * they are due through {@link org.hallway.posts.CreatePost} (so feeds, search and notifications react
 * as to any post). Owns {@code scheduled_posts}.
 */
package org.hallway.scheduled;
