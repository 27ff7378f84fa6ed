package org.hallway.timeline;

import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PostView;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The posts pinned to the top of a group's page, as far as the reader may read them. */
@Service
public class ReadGroupPins {
    private final FeedStore feeds;
    private final FindPosts posts;
    private final Visibility audience;

    ReadGroupPins(FeedStore feeds, FindPosts posts, Visibility audience) {
        this.feeds = feeds;
        this.posts = posts;
        this.audience = audience;
    }

    @Transactional(readOnly = true)
    public List<PostView> handle(Viewer viewer, long groupId) {
        audience.requireGroupVisible(viewer, groupId);
        return posts.hydrate(viewer, feeds.pinned(viewer, groupId));
    }
}
