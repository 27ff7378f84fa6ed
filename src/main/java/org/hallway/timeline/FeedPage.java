package org.hallway.timeline;

import java.util.List;
import org.hallway.posts.PostView;
import org.jspecify.annotations.Nullable;

/**
 * One page of a feed, newest first, with the cursors for the next (older) and previous (newer) page.
 * The cursor is the post id, or for likes and bookmarks the id of the like or bookmark.
 */
public record FeedPage(List<PostView> items, @Nullable Long nextMaxId, @Nullable Long prevMinId) {}
