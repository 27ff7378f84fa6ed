package org.hallway.directory;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.hallway.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An identity provider renames a group or changes its members (SCIM PUT or PATCH). */
@Service
public class ReplaceScimGroup {
    private final ScimGroupStore groups;
    private final ScimUserStore users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReplaceScimGroup(ScimGroupStore groups, ScimUserStore users, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.groups = groups;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public ScimGroup handle(long networkId, String client, long id, UnaryOperator<ScimGroup.Data> change) {
        var current = groups.find(networkId, id).orElseThrow(NotFoundException::record);
        var data = change.apply(new ScimGroup.Data(current.externalId(), current.displayName(), current.members()));
        ScimGroupRules.check(networkId, data, users);
        if (data.externalId() != null && groups.externalIdTaken(networkId, data.externalId(), id)) {
            throw new ScimConflictException("A group with this externalId exists");
        }
        groups.update(networkId, id, data, clock.instant());
        events.publishEvent(new DirectoryGroupsChanged(networkId, java.util.List.of(id)));
        var before = new java.util.HashSet<>(current.members());
        var after = new java.util.HashSet<>(data.members());
        int added = (int) after.stream().filter(m -> !before.contains(m)).count();
        int removed = (int) before.stream().filter(m -> !after.contains(m)).count();
        var name = data.displayName().strip();
        events.publishEvent(new ScimChanged(
                networkId,
                client,
                "group_changed",
                null,
                "Changed group \"" + name + "\""
                        + (name.equals(current.displayName()) ? "" : " (was \"" + current.displayName() + "\")") + ": "
                        + added + " added, " + removed + " removed, " + CreateScimGroup.members(after.size())));
        return groups.find(networkId, id).orElseThrow(NotFoundException::record);
    }
}
