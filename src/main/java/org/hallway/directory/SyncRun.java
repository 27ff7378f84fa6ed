package org.hallway.directory;

import java.time.Instant;

/** One LDAP sync: what started it, how it ended, what it did, and why when it changed nothing. */
public record SyncRun(
        long id,
        long networkId,
        Trigger trigger,
        Outcome outcome,
        Instant startedAt,
        Instant finishedAt,
        int seen,
        int created,
        int updated,
        int deactivated,
        String message) {

    public enum Trigger {
        SCHEDULED,
        MANUAL;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code FAILED}: the directory could not be read or the changes not stored; {@code REFUSED}: a safety check stopped it. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        REFUSED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
