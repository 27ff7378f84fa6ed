package org.hallway.groups;

import java.time.Clock;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group administrator pins one of the group's posts to the top of the group page, or unpins it.
 * A post that is not the group's answers "not found".
 */
@Service
public class PinPost {
    private final GroupStore groups;
    private final GroupAccess access;
    private final Clock clock;

    PinPost(GroupStore groups, GroupAccess access, Clock clock) {
        this.groups = groups;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer viewer, long groupId, long postId, boolean pinned) {
        access.requireAdmin(viewer, groupId);
        boolean done = pinned
                ? groups.pin(viewer.networkId(), groupId, postId, clock.instant())
                : groups.unpin(groupId, postId);
        if (!done) throw NotFoundException.record();
    }
}
