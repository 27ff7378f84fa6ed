package org.hallway.timeline;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a reader's home feed before it is read or streamed (ADR 0055): notes the read, and when the
 * feed was not kept (a new colleague, or one back after the keep period) rebuilds it from its sources.
 */
@Service
public class KeepHomeFeed {
    private final FeedStore feeds;
    private final FeedSettings settings;
    private final Clock clock;
    private final TransactionTemplate separately;

    KeepHomeFeed(FeedStore feeds, FeedSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.feeds = feeds;
        this.settings = settings;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Called outside a transaction, as the reads are: the keeping statement commits on its own before
     * the rebuild starts. A reader confirmed within the hour costs no statement ({@link FeedStore#keep}).
     * Neither commit waits for the disk (ADR 0073): a rebuild lost in a crash is still owed, and the
     * next read does it.
     */
    public void handle(long networkId, long accountId) {
        // A post committed after the feed is kept is fanned out to it; the rebuild, a statement that
        // starts after that, reads every post committed before. None falls in between.
        if (!feeds.keep(networkId, accountId, clock.instant())) return;
        try {
            separately.executeWithoutResult(
                    status -> feeds.rebuild(networkId, accountId, settings.capacity(), settings.fanOutLimit()));
        } catch (RuntimeException e) {
            // Not rebuilt: not kept either, so that the next read rebuilds it.
            separately.executeWithoutResult(status -> feeds.letGo(accountId));
            throw e;
        }
    }
}
