package org.hallway.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Port: when each colleague last used Hallway, to know who is away and who just came back. */
public interface ActivityStore {
    /** A colleague's last absence of at least the configured length, and whether they have caught up since. */
    record Return(Instant awayFrom, Instant returnedAt, boolean caughtUp) {}

    /** Records activity at {@code at}; a gap longer than {@code absence} since the last one is a return. */
    void touch(long networkId, long accountId, Instant at, Duration absence);

    Optional<Instant> lastActive(long accountId);

    Optional<Return> lastReturn(long accountId);

    void caughtUp(long accountId, Instant at);
}
