package org.hallway.timeline;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets go of the home feeds nobody has read for the keep period (ADR 0055): new posts are no longer
 * written to them, and their entries are removed. The next read rebuilds the feed ({@link KeepHomeFeed}).
 */
@Component
class LetGoOfUnreadFeeds {
    /** Readers per transaction: each takes up to a feed's capacity of entries with it. */
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(LetGoOfUnreadFeeds.class);

    private final FeedStore feeds;
    private final FeedSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    LetGoOfUnreadFeeds(FeedStore feeds, FeedSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.feeds = feeds;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
    void run() {
        int released = letGo();
        if (released > 0) log.info("Let go of {} home feeds not read for {}", released, settings.keepFor());
    }

    /** Returns how many feeds were let go. */
    int letGo() {
        var before = clock.instant().minus(settings.keepFor());
        int total = 0;
        while (true) {
            var gone = tx.execute(status -> feeds.letGo(before, BATCH));
            total += gone.size();
            if (gone.size() < BATCH) return total;
        }
    }
}
