package org.hallway.posts;

import org.hallway.shared.Unhurried;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one durable reaction to new posts (ADRs 0025 and 0045). The event publication registry keeps a
 * single entry per committed batch of posts ({@link PostsCreated}), not one per post or per interested
 * module; this listener hands the batch to every module in one transaction: first as a whole ({@link
 * PostsCommitted}: the fan-out, one statement for the batch; links and the search index, one read for
 * the batch; notifications, checked and stored for the batch), then post by post ({@link
 * PostCommitted}: direct-message conversations, webhooks). Either all of them commit together with the
 * entry's completion, or none does and the registry delivers the whole batch again.
 *
 * <p>The transaction commits without waiting for its WAL flush. That is safe here: PostgreSQL writes
 * commits in order, so a crash can lose this transaction only together with the completion of the
 * registry entry, which then stays open and is delivered again on restart.
 */
@Component
class DeliverPostCreated {
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    DeliverPostCreated(ApplicationEventPublisher events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PostsCreated batch) {
        if (batch.posts().isEmpty()) return;
        Unhurried.thisTransaction(jdbc);
        events.publishEvent(new PostsCommitted(batch.posts()));
        for (var post : batch.posts()) events.publishEvent(new PostCommitted(post));
    }
}
