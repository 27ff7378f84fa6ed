package org.hallway.directory;

import java.time.Clock;
import org.hallway.identity.DeactivateAccount;
import org.hallway.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An identity provider deletes a colleague (SCIM DELETE): the account is deactivated like a departure
 * (posts stay, shown as a former colleague) and the SCIM resource is gone (404 from then on). The
 * same userName created again brings the account back.
 */
@Service
public class DeleteScimUser {
    private final ScimUserStore users;
    private final ScimGroupStore groups;
    private final DeactivateAccount deactivate;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeleteScimUser(
            ScimUserStore users,
            ScimGroupStore groups,
            DeactivateAccount deactivate,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.groups = groups;
        this.deactivate = deactivate;
        this.clock = clock;
    }

    @Transactional
    public void handle(long networkId, String client, long accountId) {
        var user = users.find(networkId, accountId).orElseThrow(NotFoundException::record);
        deactivate.byDirectory(networkId, accountId, "scim");
        var left = groups.removeMemberEverywhere(networkId, accountId);
        if (!left.isEmpty()) events.publishEvent(new DirectoryGroupsChanged(networkId, left));
        users.markDeleted(networkId, accountId, clock.instant());
        events.publishEvent(new ScimChanged(
                networkId,
                client,
                "user_deleted",
                accountId,
                "Deleted user " + user.data().userName()));
    }
}
