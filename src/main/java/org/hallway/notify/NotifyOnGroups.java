package org.hallway.notify;

import org.hallway.groups.GroupStore;
import org.hallway.groups.JoinRequestApproved;
import org.hallway.groups.JoinRequested;
import org.hallway.groups.Member;
import org.hallway.groups.MemberInvited;
import org.hallway.groups.MemberRemovedByDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What happens around a group's door: the invited colleague hears who added them, the group's
 * administrators hear of each request to join, the requester hears of the approval, and whoever the
 * directory takes out of a group hears of it.
 */
@Component
class NotifyOnGroups {
    /** Groups have a handful of administrators; this bounds the read, not the rule. */
    private static final int MEMBERS_READ = 10_000;

    private final NotifyColleague notify;
    private final GroupStore groups;

    NotifyOnGroups(NotifyColleague notify, GroupStore groups) {
        this.notify = notify;
        this.groups = groups;
    }

    @ApplicationModuleListener
    void on(MemberInvited event) {
        notify.handle(
                event.networkId(),
                event.accountId(),
                NotificationType.GROUP_INVITE,
                event.invitedBy(),
                null,
                null,
                event.groupId());
    }

    @ApplicationModuleListener
    void on(JoinRequested event) {
        for (var member : groups.members(event.groupId(), MEMBERS_READ)) {
            if (member.role() != Member.Role.ADMIN) continue;
            notify.handle(
                    event.networkId(),
                    member.accountId(),
                    NotificationType.GROUP_JOIN_REQUEST,
                    event.accountId(),
                    null,
                    null,
                    event.groupId());
        }
    }

    /** Told each time, though the group may now be invisible to them (ADR 0033). */
    @ApplicationModuleListener
    void on(MemberRemovedByDirectory event) {
        notify.renew(
                event.networkId(),
                event.accountId(),
                NotificationType.GROUP_REMOVED,
                event.accountId(),
                null,
                event.groupId());
    }

    @ApplicationModuleListener
    void on(JoinRequestApproved event) {
        notify.handle(
                event.networkId(),
                event.accountId(),
                NotificationType.GROUP_JOIN_APPROVED,
                event.approvedBy(),
                null,
                null,
                event.groupId());
    }
}
