package org.hallway.groups;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group administrator invites colleagues (or guests) into the group, approves their requests to
 * join, or makes members administrators: all three put a membership with the given role. Everyone
 * named must be an active account of the network; otherwise nothing is stored.
 */
@Service
public class AddMembers {
    public static final int MAX_AT_ONCE = 100;

    private final GroupStore groups;
    private final GroupAccess access;
    private final AccountStore accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AddMembers(
            GroupStore groups,
            GroupAccess access,
            AccountStore accounts,
            Clock clock,
            ApplicationEventPublisher events) {
        this.groups = groups;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public List<Member> handle(Viewer viewer, long groupId, List<Long> accountIds, Member.Role role) {
        var group = access.requireAdmin(viewer, groupId);
        GroupAccess.requireOpen(group);
        var ids = new LinkedHashSet<>(accountIds);
        if (ids.isEmpty()) throw new InvalidInputException("account_ids", "Name at least one colleague");
        if (ids.size() > MAX_AT_ONCE)
            throw new InvalidInputException("account_ids", "Add at most " + MAX_AT_ONCE + " people at once");
        var found = accounts.findAll(viewer.networkId(), ids);
        for (var id : ids) {
            var account = found.get(id);
            if (account == null || !account.active())
                throw new InvalidInputException("account_ids", "No such colleague: " + id);
        }
        // Administrators run a bound group whatever the directory says; members come from the directory.
        if (role == Member.Role.MEMBER
                && ids.stream().anyMatch(id -> !groups.membership(groupId, id).member()))
            access.requireMembersByHand(group, "account_ids");
        var now = clock.instant();
        for (var id : ids) {
            boolean asked = groups.removeRequest(groupId, id);
            if (groups.putMember(viewer.networkId(), groupId, id, role, now)) {
                events.publishEvent(new MemberJoinedGroup(viewer.networkId(), groupId, id));
                events.publishEvent(
                        asked
                                ? new JoinRequestApproved(viewer.networkId(), groupId, id, viewer.accountId())
                                : new MemberInvited(viewer.networkId(), groupId, id, viewer.accountId()));
            }
        }
        return groups.members(groupId, Integer.MAX_VALUE).stream()
                .filter(m -> ids.contains(m.accountId()))
                .toList();
    }
}
