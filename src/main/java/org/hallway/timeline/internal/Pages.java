package org.hallway.timeline.internal;

import java.util.List;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Viewer;
import org.hallway.timeline.FeedPage;
import org.hallway.timeline.FeedStore;

/** Turns selected feed entries into a page of posts with its paging cursors. */
public final class Pages {
    private Pages() {}

    public static FeedPage of(List<FeedStore.Entry> entries, FindPosts posts, Viewer viewer) {
        if (entries.isEmpty()) return new FeedPage(List.of(), null, null);
        var items = posts.hydrate(
                viewer, entries.stream().map(FeedStore.Entry::postId).toList());
        return new FeedPage(
                items, entries.getLast().cursor(), entries.getFirst().cursor());
    }
}
