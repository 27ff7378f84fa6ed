package org.hallway.follow;

import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stops following a hashtag. */
@Service
public class UnfollowTag {
    private final FollowStore follows;

    UnfollowTag(FollowStore follows) {
        this.follows = follows;
    }

    @Transactional
    public String handle(Viewer viewer, String tag) {
        var name = TagName.of(tag);
        follows.unfollowTag(viewer.accountId(), name);
        return name;
    }
}
