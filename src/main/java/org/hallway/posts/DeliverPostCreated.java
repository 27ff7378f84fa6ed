package org.hallway.posts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one durable reaction to a new post (ADR 0025). The event publication registry keeps a single
 * entry per post, not one per interested module; this listener hands the post to every module in one
 * transaction ({@link PostCommitted}): fan-out, direct-message conversations, notifications and the
 * search index. Either all of them commit together with the entry's completion, or none does and the
 * registry delivers the post again.
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
    void on(PostCreated event) {
        jdbc.sql("set local synchronous_commit to off").update();
        events.publishEvent(new PostCommitted(event));
    }
}
