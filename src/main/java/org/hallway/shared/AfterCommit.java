package org.hallway.shared;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work that may be lost once the current transaction has committed, on a virtual thread, and
 * without an entry in the event publication registry: live pushes, which a reader who missed one
 * recovers from the database (Last-Event-ID, the next page). Nothing happens when the transaction
 * rolls back; outside a transaction the work starts at once. Reactions that must not be lost use
 * {@code @ApplicationModuleListener} instead (ADR 0025).
 */
@Component
public class AfterCommit {
    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private final Executor executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("after-commit-", 0).factory());

    public void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            start(work);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                start(work);
            }
        });
    }

    private void start(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("After-commit work failed", e);
            }
        });
    }
}
