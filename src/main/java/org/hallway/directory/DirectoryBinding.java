package org.hallway.directory;

import java.time.Instant;
import java.util.Optional;

/** Port: the network bound to the identity sources, if one was bound. */
public interface DirectoryBinding {
    Optional<Long> networkId();

    void bind(long networkId, Instant at);
}
