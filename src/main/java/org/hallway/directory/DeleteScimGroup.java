package org.hallway.directory;

import org.hallway.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An identity provider deletes a group (SCIM DELETE); its members stay colleagues. */
@Service
public class DeleteScimGroup {
    private final ScimGroupStore groups;

    DeleteScimGroup(ScimGroupStore groups) {
        this.groups = groups;
    }

    @Transactional
    public void handle(long networkId, long id) {
        groups.find(networkId, id).orElseThrow(NotFoundException::record);
        groups.delete(networkId, id);
    }
}
