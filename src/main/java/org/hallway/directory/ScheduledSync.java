package org.hallway.directory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the LDAP sync every {@code HALLWAY_LDAP_SYNC_INTERVAL} (one hour by default), first one interval after start. */
@Component
class ScheduledSync {
    private final SyncDirectory sync;

    ScheduledSync(SyncDirectory sync) {
        this.sync = sync;
    }

    @Scheduled(
            initialDelayString = "${hallway.ldap.sync-interval:PT1H}",
            fixedDelayString = "${hallway.ldap.sync-interval:PT1H}")
    void run() {
        try {
            sync.scheduled();
        } catch (RuntimeException e) {
            // Already recorded and logged by the sync; a scheduled task must not die of it.
        }
    }
}
