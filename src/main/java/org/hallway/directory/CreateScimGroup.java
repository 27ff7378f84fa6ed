package org.hallway.directory;

import java.time.Clock;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An identity provider creates a group (SCIM POST /Groups) with colleagues it provisioned as members. */
@Service
public class CreateScimGroup {
    private final ScimGroupStore groups;
    private final ScimUserStore users;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreateScimGroup(
            ScimGroupStore groups, ScimUserStore users, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.groups = groups;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public ScimGroup handle(long networkId, String client, ScimGroup.Data data) {
        ScimGroupRules.check(networkId, data, users);
        if (data.externalId() != null && groups.externalIdTaken(networkId, data.externalId(), 0)) {
            throw new ScimConflictException("A group with this externalId exists");
        }
        var id = ids.next();
        groups.insert(id, networkId, data, clock.instant());
        events.publishEvent(new DirectoryGroupsChanged(networkId, java.util.List.of(id)));
        events.publishEvent(new ScimChanged(
                networkId,
                client,
                "group_created",
                null,
                "Created group \"" + data.displayName().strip() + "\" with "
                        + members(data.members().size())));
        return groups.find(networkId, id).orElseThrow(NotFoundException::record);
    }

    static String members(int n) {
        return n + (n == 1 ? " member" : " members");
    }
}
