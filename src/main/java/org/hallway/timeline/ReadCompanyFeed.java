package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every company-wide ("public") post of the network, newest first: Mastodon's public timeline. */
@Service
public class ReadCompanyFeed {
    private final FeedStore feeds;
    private final FindPosts posts;

    ReadCompanyFeed(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, PageRequest page) {
        return Pages.of(feeds.company(viewer, page), posts, viewer);
    }
}
