package org.hallway.notify;

import org.hallway.follow.AccountFollowed;
import org.hallway.follow.AccountUnfollowed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A new follower is a notification; unfollowing takes it back. */
@Component
class NotifyOnFollows {
    private final NotifyColleague notify;
    private final NotificationStore notifications;

    NotifyOnFollows(NotifyColleague notify, NotificationStore notifications) {
        this.notify = notify;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(AccountFollowed event) {
        notify.handle(event.networkId(), event.followeeId(), NotificationType.FOLLOW, event.followerId(), null, null);
    }

    @ApplicationModuleListener
    void on(AccountUnfollowed event) {
        notifications.remove(event.followeeId(), NotificationType.FOLLOW, event.followerId(), null);
    }
}
