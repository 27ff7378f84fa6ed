package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts that mention the reader, newest first. */
@Service
public class ReadMentions {
    private final FeedStore feeds;
    private final FindPosts posts;

    ReadMentions(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, PageRequest page) {
        return Pages.of(feeds.mentions(viewer, page), posts, viewer);
    }
}
