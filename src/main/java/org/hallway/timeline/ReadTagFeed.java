package org.hallway.timeline;

import org.hallway.follow.TagName;
import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Company-wide posts carrying a hashtag (matched case-insensitively), newest first. */
@Service
public class ReadTagFeed {
    private final FeedStore feeds;
    private final FindPosts posts;

    ReadTagFeed(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, String tag, PageRequest page) {
        return Pages.of(feeds.tag(viewer, TagName.of(tag), page), posts, viewer);
    }
}
