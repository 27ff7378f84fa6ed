package org.hallway.groups;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins a public group at once; for a private group, asks its administrators (a request they approve
 * or reject). Secret groups are invitation only and, to non-members, do not exist.
 */
@Service
public class JoinGroup {
    private final GroupStore groups;
    private final GroupAccess access;
    private final Visibility audience;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JoinGroup(
            GroupStore groups, GroupAccess access, Visibility audience, Clock clock, ApplicationEventPublisher events) {
        this.groups = groups;
        this.access = access;
        this.audience = audience;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Membership handle(Viewer viewer, long groupId) {
        var group = access.requireVisible(viewer, groupId);
        var membership = groups.membership(groupId, viewer.accountId());
        if (membership.member()) return membership;
        GroupAccess.requireOpen(group);
        access.requireMembersByHand(group, null);
        if (audience.isGuest(viewer)) throw new ForbiddenException("Guests join groups by invitation only");
        var now = clock.instant();
        switch (group.privacy()) {
            case PUBLIC -> {
                groups.putMember(viewer.networkId(), groupId, viewer.accountId(), Member.Role.MEMBER, now);
                groups.removeRequest(groupId, viewer.accountId());
                events.publishEvent(new MemberJoinedGroup(viewer.networkId(), groupId, viewer.accountId()));
            }
            case PRIVATE -> {
                if (groups.addRequest(viewer.networkId(), groupId, viewer.accountId(), now))
                    events.publishEvent(new JoinRequested(viewer.networkId(), groupId, viewer.accountId()));
            }
            case SECRET -> throw new ForbiddenException("This group is invitation only");
        }
        return groups.membership(groupId, viewer.accountId());
    }
}
