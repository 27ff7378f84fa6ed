package org.hallway.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: what happened ({@code action}), who did it (none for the system or an
 * unknown login), to whom, and the detail worth reading.
 */
public record AuditEntry(
        long id,
        long networkId,
        Instant at,
        String action,
        @Nullable Long actorId,
        @Nullable Long subjectId,
        String detail) {}
