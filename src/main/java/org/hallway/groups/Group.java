package org.hallway.groups;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A group of colleagues (and invited guests) with its own feed. An archived group is read-only. */
public record Group(
        long id,
        long networkId,
        String name,
        String description,
        GroupPrivacy privacy,
        long createdBy,
        @Nullable Long directoryGroupId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant archivedAt,
        int membersCount) {

    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 1000;

    public boolean archived() {
        return archivedAt != null;
    }
}
