package org.hallway.follow;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A follower asks to hear of each new post of a colleague they follow (Mastodon's {@code notify} on
 * follow), or stops. Only a follow can carry it: unfollowing ends it.
 */
@Service
public class ChangePostNotifications {
    private final FollowStore follows;

    ChangePostNotifications(FollowStore follows) {
        this.follows = follows;
    }

    @Transactional
    public void handle(Viewer viewer, long accountId, boolean notify) {
        if (!follows.setNotify(viewer.accountId(), accountId, notify)) throw NotFoundException.record();
    }
}
