package org.hallway.groups;

import java.time.Clock;
import java.util.HashSet;
import org.hallway.directory.DirectoryGroupStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a bound group's members those of its directory group: colleagues the directory group lists
 * become members, members it no longer lists are removed (and with them their access to the group's
 * posts, in the same transaction), and are told why ({@link MemberRemovedByDirectory}). The group's administrators run the group and stay, listed or not;
 * those the directory lists keep their role. The same events as an invitation or a removal follow, so
 * feeds and notifications react as they do to a change by hand.
 */
@Service
public class AlignWithDirectory {
    public record Changes(int added, int removed) {}

    private final GroupStore groups;
    private final DirectoryGroupStore directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AlignWithDirectory(
            GroupStore groups, DirectoryGroupStore directory, Clock clock, ApplicationEventPublisher events) {
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Changes handle(long networkId, long groupId, long directoryGroupId) {
        var wanted = new HashSet<>(directory.activeMembers(networkId, directoryGroupId));
        var now = clock.instant();
        int added = 0, removed = 0;
        for (var member : groups.members(groupId, Integer.MAX_VALUE)) {
            if (wanted.remove(member.accountId()) || member.admin()) continue;
            groups.removeRequest(groupId, member.accountId());
            if (groups.removeMember(groupId, member.accountId())) {
                removed++;
                events.publishEvent(new MemberLeftGroup(networkId, groupId, member.accountId()));
                events.publishEvent(
                        new MemberRemovedByDirectory(networkId, groupId, member.accountId(), directoryGroupId));
            }
        }
        for (var accountId : wanted.stream().sorted().toList()) {
            groups.removeRequest(groupId, accountId);
            if (groups.putMember(networkId, groupId, accountId, Member.Role.MEMBER, now)) {
                added++;
                events.publishEvent(new MemberJoinedGroup(networkId, groupId, accountId));
            }
        }
        return new Changes(added, removed);
    }
}
