package org.hallway.groups;

import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaves a group, or withdraws a request to join it. The last administrator can't leave a group that
 * still has other members: it would have nobody to run it.
 */
@Service
public class LeaveGroup {
    private final GroupStore groups;
    private final GroupAccess access;
    private final ApplicationEventPublisher events;

    LeaveGroup(GroupStore groups, GroupAccess access, ApplicationEventPublisher events) {
        this.groups = groups;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public Membership handle(Viewer viewer, long groupId) {
        var group = access.requireVisible(viewer, groupId);
        var membership = groups.membership(groupId, viewer.accountId());
        if (membership.member() && !membership.admin()) access.requireMembersByHand(group, null);
        if (membership.admin() && group.membersCount() > 1 && groups.countAdmins(groupId) == 1) {
            throw new InvalidInputException("Make another member an administrator before you leave");
        }
        groups.removeRequest(groupId, viewer.accountId());
        if (groups.removeMember(groupId, viewer.accountId())) {
            events.publishEvent(new MemberLeftGroup(viewer.networkId(), groupId, viewer.accountId()));
        }
        return groups.membership(groupId, viewer.accountId());
    }
}
