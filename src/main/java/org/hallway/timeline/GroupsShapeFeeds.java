package org.hallway.timeline;

import org.hallway.groups.MemberJoinedGroup;
import org.hallway.groups.MemberLeftGroup;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Joining a group brings its recent posts into the home feed; leaving takes them out. */
@Component
class GroupsShapeFeeds {
    private static final int BACKFILL = 40;

    private final FeedStore feeds;

    GroupsShapeFeeds(FeedStore feeds) {
        this.feeds = feeds;
    }

    @ApplicationModuleListener
    void on(MemberJoinedGroup event) {
        feeds.backfillGroup(event.networkId(), event.accountId(), event.groupId(), BACKFILL);
    }

    @ApplicationModuleListener
    void on(MemberLeftGroup event) {
        feeds.removeGroup(event.accountId(), event.groupId());
    }
}
