package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;

/**
 * The reader's home feed: their own posts, posts and reposts by people they follow, company-wide
 * posts with hashtags they follow; newest first, each post once.
 */
@Service
public class ReadHomeFeed {
    private final FeedStore feeds;
    private final FindPosts posts;
    private final FeedSettings settings;
    private final KeepHomeFeed keep;

    ReadHomeFeed(FeedStore feeds, FindPosts posts, FeedSettings settings, KeepHomeFeed keep) {
        this.feeds = feeds;
        this.posts = posts;
        this.settings = settings;
        this.keep = keep;
    }

    /**
     * No transaction of its own: each statement reads what is committed when it runs, as it would in a
     * read-only transaction at read committed, without the round trip of its commit (the hottest read).
     * The feed is kept first (ADR 0055): from memory for a reader seen within the hour.
     */
    public FeedPage handle(Viewer viewer, PageRequest page) {
        keep.handle(viewer.networkId(), viewer.accountId());
        return Pages.of(feeds.home(viewer, page, settings.fanOutLimit()), posts, viewer);
    }
}
