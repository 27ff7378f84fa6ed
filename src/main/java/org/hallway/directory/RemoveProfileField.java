package org.hallway.directory;

import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator removes a profile field, and with it every value colleagues gave it. */
@Service
public class RemoveProfileField {
    private final ProfileStore profiles;

    RemoveProfileField(ProfileStore profiles) {
        this.profiles = profiles;
    }

    @Transactional
    public ProfileFieldDefinition handle(Viewer viewer, long definitionId) {
        if (!viewer.admin()) throw new ForbiddenException("Only administrators remove profile fields");
        var d = profiles.definition(viewer.networkId(), definitionId).orElseThrow(NotFoundException::record);
        profiles.deleteDefinition(viewer.networkId(), definitionId);
        return d;
    }
}
