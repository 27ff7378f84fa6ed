package org.hallway.directory;

import org.hallway.shared.InvalidInputException;

/** What a SCIM group must look like. */
final class ScimGroupRules {
    private ScimGroupRules() {}

    static void check(long networkId, ScimGroup.Data data, ScimUserStore users) {
        if (data.displayName() == null || data.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "displayName is required");
        }
        if (data.displayName().length() > 200) {
            throw new InvalidInputException("displayName", "displayName is too long (at most 200 characters)");
        }
        var known = users.existing(networkId, data.members());
        for (var member : data.members()) {
            if (!known.contains(member)) {
                throw new InvalidInputException("members", "Member " + member + " is not a user of this service");
            }
        }
    }
}
