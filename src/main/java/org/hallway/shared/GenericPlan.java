package org.hallway.shared;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs one statement on PostgreSQL's generic plan of its prepared form, made once per connection,
 * instead of a plan made anew for every execution.
 *
 * <p>PostgreSQL keeps making custom plans for a prepared statement whose generic plan it estimates
 * dearer than the custom ones, which is always so for statements over array parameters: the generic
 * plan assumes ten elements where a batch has one or two. For a statement whose plan cannot
 * depend on the values (keys looked up by primary key or unique index, rows inserted from arrays) the
 * generic plan is the custom one, and making it each time cost more than running it (the posting path:
 * 0.2–0.5 ms of planning per statement against 0.05–0.3 ms of execution). Only for such statements,
 * and for statements written so that one plan holds for any size of their arrays (the live home
 * readers, ADR 0065).
 *
 * <p>The setting is local to the transaction and put back after the statement; outside a transaction
 * the statement runs as it is.
 */
public final class GenericPlan {
    private GenericPlan() {}

    public static <T> T run(JdbcClient jdbc, Supplier<T> statement) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) return statement.get();
        jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        var result = statement.get();
        jdbc.sql("set local plan_cache_mode to default").update();
        return result;
    }
}
