package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts the reader liked, most recently liked first (still visible to them). */
@Service
public class ReadLikes {
    private final FeedStore feeds;
    private final FindPosts posts;

    ReadLikes(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, PageRequest page) {
        return Pages.of(feeds.likes(viewer, page), posts, viewer);
    }
}
