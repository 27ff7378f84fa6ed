package org.hallway.groups;

import java.time.Clock;
import org.hallway.directory.DirectoryGroupStore;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A network administrator binds a group to a directory group (from LDAP or SCIM), so that its
 * membership follows the directory from now on, starting at once; or unbinds it (null), and the
 * members stay as they are. Only network administrators may: binding decides who reads the group,
 * and the directory's groups are the company's, not one group administrator's.
 */
@Service
public class BindDirectoryGroup {
    private final GroupStore groups;
    private final BoundGroups bound;
    private final GroupAccess access;
    private final DirectoryGroupStore directory;
    private final AlignWithDirectory align;
    private final Clock clock;

    BindDirectoryGroup(
            GroupStore groups,
            BoundGroups bound,
            GroupAccess access,
            DirectoryGroupStore directory,
            AlignWithDirectory align,
            Clock clock) {
        this.groups = groups;
        this.bound = bound;
        this.access = access;
        this.directory = directory;
        this.align = align;
        this.clock = clock;
    }

    @Transactional
    public Group handle(Viewer viewer, long groupId, @Nullable Long directoryGroupId) {
        var group = access.requireVisible(viewer, groupId);
        if (!viewer.admin())
            throw new ForbiddenException("Only network administrators can bind a group to the directory");
        GroupAccess.requireOpen(group);
        if (directoryGroupId != null
                && directory.find(viewer.networkId(), directoryGroupId).isEmpty())
            throw new InvalidInputException("directory_group_id", "No such directory group");
        bound.bind(groupId, directoryGroupId, clock.instant());
        if (directoryGroupId != null) align.handle(viewer.networkId(), groupId, directoryGroupId);
        return groups.find(viewer.networkId(), groupId).orElseThrow(NotFoundException::record);
    }
}
