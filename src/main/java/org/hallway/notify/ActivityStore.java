package org.hallway.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: when each colleague last used Hallway, to know who is away and who just came back. */
public interface ActivityStore {
    /** A colleague's last absence of at least the configured length, and whether they have caught up since. */
    record Return(Instant awayFrom, Instant returnedAt, boolean caughtUp) {}

    /** Activity of a colleague at a time. */
    record Seen(long networkId, long accountId, Instant at) {}

    /** Records activity at {@code at}; a gap longer than {@code absence} since the last one is a return. */
    default void touch(long networkId, long accountId, Instant at, Duration absence) {
        touchAll(List.of(new Seen(networkId, accountId, at)), absence);
    }

    /** {@link #touch} for several colleagues (each at most once) in one statement. */
    void touchAll(List<Seen> seen, Duration absence);

    Optional<Instant> lastActive(long accountId);

    Optional<Return> lastReturn(long accountId);

    void caughtUp(long accountId, Instant at);
}
