package org.hallway.directory;

import java.util.List;
import java.util.Optional;

/** Port: the record of LDAP syncs. */
public interface SyncRunStore {
    void insert(SyncRun run);

    List<SyncRun> latest(long networkId, int limit);

    Optional<SyncRun> lastSucceeded(long networkId);
}
