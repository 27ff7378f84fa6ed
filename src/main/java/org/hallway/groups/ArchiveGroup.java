package org.hallway.groups;

import java.time.Clock;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives a group: it leaves the directory and takes no new posts or members, but its members keep
 * reading what was said. Only its administrators may.
 */
@Service
public class ArchiveGroup {
    private final GroupStore groups;
    private final GroupAccess access;
    private final Clock clock;

    ArchiveGroup(GroupStore groups, GroupAccess access, Clock clock) {
        this.groups = groups;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Group handle(Viewer viewer, long groupId) {
        access.requireAdmin(viewer, groupId);
        groups.archive(groupId, clock.instant());
        return groups.find(viewer.networkId(), groupId).orElseThrow(NotFoundException::record);
    }
}
