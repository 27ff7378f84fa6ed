package org.hallway.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes whose commit does not wait for PostgreSQL to flush them to disk (ADR 0073). Such a commit is
 * visible to every other transaction at once, as any commit; only its durability follows a little later
 * (PostgreSQL's WAL writer flushes within three times {@code wal_writer_delay}, 600 ms by default). A
 * crash in that span loses it, and PostgreSQL replays its log in order: a later commit that survived
 * never leaves an earlier unhurried one lost.
 *
 * <p>Only for writes whose loss costs nothing but the work of writing them again: bookkeeping that the
 * next request notes anew (when a colleague was last around, when a token was last used, that a home
 * feed is read), or work that stays owed until its commit survives. A request that makes such a note
 * no longer waits for the disk, which under load also flushes everyone else's writes first.
 */
public final class Unhurried {
    /** Sets {@code synchronous_commit} for the statement's own transaction, when the statement reads it. */
    private static final String SETTING = "with unhurried as (select set_config('synchronous_commit', 'off', true))\n";

    private Unhurried() {}

    /**
     * One statement that commits on its own without waiting for the disk: {@code sql} reads the one-row
     * relation {@code unhurried} in its {@code from} clause (or the setting is never made). Outside a
     * transaction only: inside one it would relax that transaction's commit too.
     */
    public static JdbcClient.StatementSpec statement(JdbcClient jdbc, String sql) {
        if (TransactionSynchronizationManager.isActualTransactionActive())
            throw new IllegalStateException("An unhurried statement commits on its own, outside a transaction");
        return jdbc.sql(SETTING + sql);
    }

    /** Lets the current transaction commit without waiting for the disk. */
    public static void thisTransaction(JdbcClient jdbc) {
        jdbc.sql("set local synchronous_commit to off").update();
    }
}
