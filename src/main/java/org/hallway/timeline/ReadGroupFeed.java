package org.hallway.timeline;

import org.hallway.audience.Visibility;
import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.internal.Pages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's posts and replies, newest first, as far as the reader may read them: all of a public
 * group's, only members see a private group's; a secret group is "not found" to anyone else.
 */
@Service
public class ReadGroupFeed {
    private final FeedStore feeds;
    private final FindPosts posts;
    private final Visibility audience;

    ReadGroupFeed(FeedStore feeds, FindPosts posts, Visibility audience) {
        this.feeds = feeds;
        this.posts = posts;
        this.audience = audience;
    }

    @Transactional(readOnly = true)
    public FeedPage handle(Viewer viewer, long groupId, PageRequest page) {
        audience.requireGroupVisible(viewer, groupId);
        return Pages.of(feeds.group(viewer, groupId, page), posts, viewer);
    }
}
