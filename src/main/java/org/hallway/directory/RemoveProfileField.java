package org.hallway.directory;

import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator removes a profile field, and with it every value colleagues gave it. */
@Service
public class RemoveProfileField {
    private final ProfileStore profiles;
    private final ApplicationEventPublisher events;

    RemoveProfileField(ProfileStore profiles, ApplicationEventPublisher events) {
        this.profiles = profiles;
        this.events = events;
    }

    @Transactional
    public ProfileFieldDefinition handle(Viewer viewer, long definitionId) {
        if (!viewer.admin()) throw new ForbiddenException("Only administrators remove profile fields");
        var d = profiles.definition(viewer.networkId(), definitionId).orElseThrow(NotFoundException::record);
        profiles.deleteDefinition(viewer.networkId(), definitionId);
        events.publishEvent(new ProfileFieldRemoved(viewer.networkId(), definitionId));
        return d;
    }
}
