package org.hallway.timeline;

import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A colleague's posts and reposts that the reader may see, newest first. */
@Service
public class ReadProfileFeed {
    public record Options(boolean excludeReplies, boolean excludeReblogs) {}

    private final FeedStore feeds;
    private final FindPosts posts;

    ReadProfileFeed(FeedStore feeds, FindPosts posts) {
        this.feeds = feeds;
        this.posts = posts;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, long accountId, Options options, PageRequest page) {
        return Pages.of(
                feeds.profile(viewer, accountId, options.excludeReplies(), options.excludeReblogs(), page),
                posts,
                viewer);
    }
}
