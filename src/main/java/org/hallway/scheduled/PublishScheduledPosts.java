package org.hallway.scheduled;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.hallway.identity.AccountStore;
import org.hallway.media.AttachMedia;
import org.hallway.media.HoldMedia;
import org.hallway.posts.CreatePost;
import org.hallway.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the scheduled posts that are due, each through {@link CreatePost} in a transaction of its
 * own that also deletes it: the row lock (skipping rows locked elsewhere) and the delete in the same
 * commit make each post appear once, however many nodes run this at the same moment. A post that can
 * no longer be published (its author left, the post it answers is gone) is dropped and logged, and
 * the uploads it held are freed (the hourly purge removes them a day after upload).
 */
@Service
public class PublishScheduledPosts {
    private static final Logger log = LoggerFactory.getLogger(PublishScheduledPosts.class);
    private static final int MAX_PER_RUN = 1000;

    private final ScheduledPostStore store;
    private final CreatePost createPost;
    private final AccountStore accounts;
    private final TransactionTemplate tx;
    private final HoldMedia holdMedia;

    PublishScheduledPosts(
            ScheduledPostStore store,
            CreatePost createPost,
            AccountStore accounts,
            PlatformTransactionManager transactions,
            HoldMedia holdMedia) {
        this.holdMedia = holdMedia;
        this.store = store;
        this.createPost = createPost;
        this.accounts = accounts;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Publishes what is due at {@code now}; returns how many posts were published. */
    public int handle(Instant now) {
        int published = 0;
        for (int i = 0; i < MAX_PER_RUN; i++) {
            var current = new AtomicReference<ScheduledPost>();
            try {
                var outcome = tx.execute(status -> publishNext(now, current));
                if (outcome == null) break;
                if (outcome) published++;
            } catch (RuntimeException e) {
                var failed = current.get();
                if (failed == null) throw e;
                log.warn("Dropped scheduled post {} of account {}: {}", failed.id(), failed.authorId(), e.getMessage());
                tx.executeWithoutResult(status -> {
                    store.delete(failed.id());
                    holdMedia.release(failed.id());
                });
            }
        }
        return published;
    }

    /** Null when nothing is due; true when a post was published, false when it was dropped. */
    private Boolean publishNext(Instant now, AtomicReference<ScheduledPost> current) {
        var due = store.lockNextDue(now);
        if (due.isEmpty()) return null;
        var scheduled = due.get();
        current.set(scheduled);
        var author = accounts.find(scheduled.networkId(), scheduled.authorId());
        store.delete(scheduled.id());
        holdMedia.release(scheduled.id());
        if (author.isEmpty() || !author.get().active()) return false;
        var viewer = new Viewer(
                author.get().id(), scheduled.networkId(), author.get().admin());
        createPost.handle(viewer, scheduled.post(), AttachMedia.Command.of(scheduled.mediaIds()));
        return true;
    }
}
