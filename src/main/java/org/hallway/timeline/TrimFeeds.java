package org.hallway.timeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps each home feed at its capacity; older entries are still reachable through profiles and threads. */
@Component
class TrimFeeds {
    private static final Logger log = LoggerFactory.getLogger(TrimFeeds.class);

    private final FeedStore feeds;
    private final FeedSettings settings;

    TrimFeeds(FeedStore feeds, FeedSettings settings) {
        this.feeds = feeds;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void trim() {
        int removed = feeds.trim(settings.capacity());
        if (removed > 0) log.info("Trimmed {} old home feed entries", removed);
    }
}
