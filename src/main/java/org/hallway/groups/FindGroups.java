package org.hallway.groups;

import java.util.List;
import java.util.Map;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads groups as one viewer may see them: the directory, one group, its members and pending requests. */
@Service
public class FindGroups {
    public static final int DIRECTORY_LIMIT = 200;

    /** A group with the viewer's standing in it. */
    public record GroupView(Group group, Membership membership) {}

    private final GroupStore groups;
    private final GroupAccess access;

    FindGroups(GroupStore groups, GroupAccess access) {
        this.groups = groups;
        this.access = access;
    }

    /** The directory: groups the viewer may see (secret ones only to members), or only the viewer's own. */
    @Transactional(readOnly = true)
    public List<GroupView> directory(Viewer viewer, boolean mine) {
        var list = groups.listVisible(viewer, mine, DIRECTORY_LIMIT);
        Map<Long, Membership> memberships = groups.memberships(
                viewer.accountId(), list.stream().map(Group::id).toList());
        return list.stream()
                .map(g -> new GroupView(g, memberships.getOrDefault(g.id(), Membership.NONE)))
                .toList();
    }

    /** One group, or "not found" when it is absent or secret to the viewer. */
    @Transactional(readOnly = true)
    public GroupView require(Viewer viewer, long groupId) {
        var group = access.requireVisible(viewer, groupId);
        return new GroupView(group, access.membership(group, viewer));
    }

    @Transactional(readOnly = true)
    public List<Member> members(Viewer viewer, long groupId, int limit) {
        access.requireVisible(viewer, groupId);
        return groups.members(groupId, limit);
    }

    /** Pending requests to join; only the group's administrators see them. */
    @Transactional(readOnly = true)
    public List<GroupStore.JoinRequest> requests(Viewer viewer, long groupId, int limit) {
        access.requireAdmin(viewer, groupId);
        return groups.requests(groupId, limit);
    }

    /**
     * The group a post goes into, when the author may post there: a member of a group that is not
     * archived. Not visible: "not found"; visible but not a member: forbidden.
     */
    @Transactional(readOnly = true)
    public Group requirePostable(Viewer viewer, long groupId) {
        var group = access.requireVisible(viewer, groupId);
        if (!access.membership(group, viewer).member()) throw new ForbiddenException("Join the group to post in it");
        GroupAccess.requireOpen(group);
        return group;
    }
}
