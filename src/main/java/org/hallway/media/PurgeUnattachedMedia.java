package org.hallway.media;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Uploads that no post took within a day (an abandoned draft, an app that crashed, media an edit
 * dropped) are deleted with their files, every hour.
 */
@Component
public class PurgeUnattachedMedia {
    private static final Logger log = LoggerFactory.getLogger(PurgeUnattachedMedia.class);
    static final Duration KEEP = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final MediaStore store;
    private final MediaFiles files;
    private final Clock clock;

    PurgeUnattachedMedia(MediaStore store, MediaFiles files, Clock clock) {
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    public void run() {
        purgeOlderThan(KEEP);
    }

    /** Deletes unattached uploads older than the given age; returns how many. */
    public int purgeOlderThan(Duration age) {
        var before = clock.instant().minus(age);
        int total = 0;
        while (true) {
            var batch = store.unattachedBefore(before, BATCH);
            if (batch.isEmpty()) break;
            // The row goes first: once it is gone nothing links to the files, and a post that takes the
            // upload at this moment fails cleanly on the missing row; one it took just before keeps its row and files.
            var deleted = store.deleteUnattached(batch.stream().map(Media::id).toList());
            for (var id : deleted) files.delete(id);
            total += deleted.size();
            if (batch.size() < BATCH) break;
        }
        if (total > 0) log.info("Removed {} unattached uploads older than {}", total, age);
        return total;
    }
}
