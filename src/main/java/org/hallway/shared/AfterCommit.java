package org.hallway.shared;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work that may be lost once the current transaction has committed, on a virtual thread, and
 * without an entry in the event publication registry: live pushes, which a reader who missed one
 * recovers from the database (Last-Event-ID, the next page). Nothing happens when the transaction
 * rolls back; outside a transaction the work starts at once. Reactions that must not be lost use
 * {@code @ApplicationModuleListener} instead (ADR 0025).
 *
 * <p>The static methods keep memory in step with storage, in the committing thread: {@link #first}
 * once the transaction has committed, before anything else that runs after the commit (the events
 * that live streams announce among them); {@link #whenEnded} once it has ended either way.
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

    /**
     * Runs {@code work} in this thread once the current transaction has committed, ahead of the
     * transaction's other synchronizations (so before events published in it reach listeners after
     * commit); at once outside a transaction, and never when it rolls back.
     */
    public static void first(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }

    /** Runs {@code work} in this thread once the current transaction has ended, committed or rolled back; at once outside one. */
    public static void whenEnded(Runnable work) {
        whenEnded(work, work);
    }

    /**
     * Runs {@code committed} once the current transaction has committed, or {@code rolledBack} once it
     * has rolled back, in this thread; {@code committed} at once outside a transaction.
     */
    public static void whenEnded(Runnable committed, Runnable rolledBack) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) committed.run();
                else rolledBack.run();
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
