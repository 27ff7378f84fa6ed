package org.hallway.directory;

import org.hallway.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An identity provider deletes a group (SCIM DELETE); its members stay colleagues. */
@Service
public class DeleteScimGroup {
    private final ScimGroupStore groups;
    private final ApplicationEventPublisher events;

    DeleteScimGroup(ScimGroupStore groups, ApplicationEventPublisher events) {
        this.groups = groups;
        this.events = events;
    }

    @Transactional
    public void handle(long networkId, String client, long id) {
        var group = groups.find(networkId, id).orElseThrow(NotFoundException::record);
        groups.delete(networkId, id);
        events.publishEvent(new ScimChanged(
                networkId, client, "group_deleted", null, "Deleted group \"" + group.displayName() + "\""));
    }
}
