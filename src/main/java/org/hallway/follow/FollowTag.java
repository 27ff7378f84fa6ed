package org.hallway.follow;

import java.time.Clock;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows a hashtag: new company-wide posts carrying it reach the home feed. */
@Service
public class FollowTag {
    private final FollowStore follows;
    private final Clock clock;

    FollowTag(FollowStore follows, Clock clock) {
        this.follows = follows;
        this.clock = clock;
    }

    @Transactional
    public String handle(Viewer viewer, String tag) {
        var name = TagName.of(tag);
        follows.followTag(viewer.networkId(), viewer.accountId(), name, clock.instant());
        return name;
    }
}
