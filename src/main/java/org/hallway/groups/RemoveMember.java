package org.hallway.groups;

import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A group administrator removes a member, or turns down a request to join. */
@Service
public class RemoveMember {
    private final GroupStore groups;
    private final GroupAccess access;
    private final ApplicationEventPublisher events;

    RemoveMember(GroupStore groups, GroupAccess access, ApplicationEventPublisher events) {
        this.groups = groups;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public void handle(Viewer viewer, long groupId, long accountId) {
        var group = access.requireAdmin(viewer, groupId);
        var membership = groups.membership(groupId, accountId);
        if (membership.member() && !membership.admin()) access.requireMembersByHand(group, "account_id");
        if (membership.admin() && groups.countAdmins(groupId) == 1)
            throw new InvalidInputException("account_id", "A group needs at least one administrator");
        groups.removeRequest(groupId, accountId);
        if (groups.removeMember(groupId, accountId)) {
            events.publishEvent(new MemberLeftGroup(viewer.networkId(), groupId, accountId));
        }
    }
}
