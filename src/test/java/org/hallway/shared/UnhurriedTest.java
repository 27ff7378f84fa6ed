package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.hallway.testing.HallwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes that do not wait for the disk (ADR 0073), on one connection of the server's database. */
class UnhurriedTest extends HallwayTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aStatementCommitsWithoutWaitingAndLeavesItsConnectionAsItWas() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            assertThat(Unhurried.statement(jdbc, "select current_setting('synchronous_commit') from unhurried")
                            .query(String.class)
                            .single())
                    .isEqualTo("off");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                    .isEqualTo("on");
        }
    }

    @Test
    void aTransactionCommitsWithoutWaitingAndTheNextOneWaitsAgain() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var single = new SingleConnectionDataSource(connection, true);
            var jdbc = JdbcClient.create(single);
            var tx = new TransactionTemplate(new DataSourceTransactionManager(single));
            String during = tx.execute(status -> {
                Unhurried.thisTransaction(jdbc);
                return jdbc.sql("show synchronous_commit").query(String.class).single();
            });
            String after = tx.execute(status ->
                    jdbc.sql("show synchronous_commit").query(String.class).single());
            assertThat(during).isEqualTo("off");
            assertThat(after).isEqualTo("on");
        }
    }

    @Test
    void aStatementInsideATransactionIsRefused() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var single = new SingleConnectionDataSource(connection, true);
            var jdbc = JdbcClient.create(single);
            var tx = new TransactionTemplate(new DataSourceTransactionManager(single));
            assertThatThrownBy(
                            () -> tx.executeWithoutResult(status -> Unhurried.statement(jdbc, "select 1 from unhurried")
                                    .query(Integer.class)
                                    .single()))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
