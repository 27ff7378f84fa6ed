package org.hallway.timeline;

import org.hallway.follow.AccountUnfollowed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Lists hold only people one follows: an unfollow takes the person out of the follower's lists. */
@Component
class UnfollowLeavesLists {
    private final ListStore lists;

    UnfollowLeavesLists(ListStore lists) {
        this.lists = lists;
    }

    @ApplicationModuleListener
    void on(AccountUnfollowed event) {
        lists.removeFromListsOf(event.followerId(), event.followeeId());
    }
}
