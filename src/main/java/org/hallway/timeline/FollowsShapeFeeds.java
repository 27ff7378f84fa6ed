package org.hallway.timeline;

import org.hallway.follow.AccountFollowed;
import org.hallway.follow.AccountUnfollowed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A new follow brings the followee's recent posts into the home feed; an unfollow takes them out. */
@Component
class FollowsShapeFeeds {
    private static final int BACKFILL = 40;

    private final FeedStore feeds;

    FollowsShapeFeeds(FeedStore feeds) {
        this.feeds = feeds;
    }

    @ApplicationModuleListener
    void on(AccountFollowed event) {
        feeds.backfill(event.networkId(), event.followerId(), event.followeeId(), BACKFILL);
    }

    @ApplicationModuleListener
    void on(AccountUnfollowed event) {
        feeds.removeAuthor(event.followerId(), event.followeeId());
    }
}
