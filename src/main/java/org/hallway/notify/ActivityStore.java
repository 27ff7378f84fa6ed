package org.hallway.notify;

import java.time.Instant;
import java.util.Optional;

/** Port: when each colleague last used Hallway, to know who is away. */
public interface ActivityStore {
    void touch(long networkId, long accountId, Instant at);

    Optional<Instant> lastActive(long accountId);
}
