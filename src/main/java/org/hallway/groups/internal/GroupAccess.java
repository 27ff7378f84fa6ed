package org.hallway.groups.internal;

import org.hallway.audience.Visibility;
import org.hallway.directory.DirectoryGroupStore;
import org.hallway.groups.Group;
import org.hallway.groups.GroupStore;
import org.hallway.groups.Membership;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * The checks every group use case starts with: the group must be visible to the viewer (else "not
 * found", so a secret group's id confirms nothing), and changing it needs a group administrator (or a
 * network administrator, for moderation).
 */
@Component
public class GroupAccess {
    private final GroupStore groups;
    private final Visibility audience;
    private final DirectoryGroupStore directory;

    GroupAccess(GroupStore groups, Visibility audience, DirectoryGroupStore directory) {
        this.groups = groups;
        this.audience = audience;
        this.directory = directory;
    }

    public Group requireVisible(Viewer viewer, long groupId) {
        audience.requireGroupVisible(viewer, groupId);
        return groups.find(viewer.networkId(), groupId).orElseThrow(NotFoundException::record);
    }

    public Group requireAdmin(Viewer viewer, long groupId) {
        var group = requireVisible(viewer, groupId);
        var membership = groups.membership(groupId, viewer.accountId());
        if (!membership.admin() && !viewer.admin())
            throw new ForbiddenException("Only the group's administrators can do this");
        return group;
    }

    public static void requireOpen(Group group) {
        if (group.archived()) throw new InvalidInputException("This group is archived");
    }

    /**
     * A group bound to a directory group takes its members from there (ADR 0033): members are neither
     * added, joined, removed nor left by hand, since the next change of the directory group would undo it
     * without a word. The message names the directory group where the change belongs.
     */
    public void requireMembersByHand(Group group, String field) {
        var bound = group.directoryGroupId();
        if (bound == null) return;
        var name = directory
                .find(group.networkId(), bound)
                .map(DirectoryGroupStore.Listed::name)
                .orElse("its directory group");
        throw new InvalidInputException(
                field, "Members of this group come from the directory group " + name + ": change it there");
    }

    public Membership membership(Group group, Viewer viewer) {
        return groups.membership(group.id(), viewer.accountId());
    }
}
