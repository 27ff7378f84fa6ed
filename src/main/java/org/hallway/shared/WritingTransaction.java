package org.hallway.shared;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Whether the current thread works in a transaction that may write, and so may still roll back. */
public final class WritingTransaction {
    private WritingTransaction() {}

    /**
     * True inside a transaction that is not read-only. Caches that fill only outside one never keep
     * what a write that may still roll back made visible to its own transaction.
     */
    public static boolean active() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
