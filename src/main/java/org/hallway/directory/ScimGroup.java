package org.hallway.directory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A group as the identity provider manages it over SCIM; members are account ids. */
public record ScimGroup(
        long id,
        long networkId,
        @Nullable String externalId,
        String displayName,
        List<Long> members,
        Instant created,
        Instant updated) {

    /** What an identity provider sets. */
    public record Data(@Nullable String externalId, String displayName, List<Long> members) {}
}
