package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reader's bookmarks, most recently bookmarked first (still visible to them). */
@Service
public class ReadBookmarks {
    private final FeedStore feeds;
    private final FindPosts posts;

    ReadBookmarks(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, PageRequest page) {
        return Pages.of(feeds.bookmarks(viewer, page), posts, viewer);
    }
}
