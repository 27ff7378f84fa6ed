package org.hallway.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.hallway.testing.HallwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Lookups by key, on one connection of the server's database: one key is planned once, not every time. */
class KeyConditionTest extends HallwayTest {
    private static final String LOOKUP = "select id from keyed where ";

    @Autowired
    DataSource dataSource;

    @Test
    void oneKeyIsLookedUpByAStatementPostgresqlPlansOnce() throws Exception {
        try (var connection = dataSource.getConnection()) {
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            // Keys a planner finds by index: for "= any" of one key it would plan every execution anew.
            jdbc.sql("create temporary table keyed (id bigint primary key)").update();
            jdbc.sql("insert into keyed select generate_series(1, 10000)").update();
            jdbc.sql("analyze keyed").update();
            var one = KeyCondition.of("id", List.of(2L));
            var many = KeyCondition.of("id", List.of(1L, 3L, 20000L));

            for (int i = 0; i < 15; i++) {
                assertThat(jdbc.sql(LOOKUP + one.sql())
                                .param(one.parameter())
                                .query(Long.class)
                                .list())
                        .containsExactly(2L);
                assertThat(jdbc.sql(LOOKUP + many.sql())
                                .param(many.parameter())
                                .query(Long.class)
                                .list())
                        .containsExactlyInAnyOrder(1L, 3L);
            }

            assertThat(plans(jdbc, one)).as("generic plans of one key").isPositive();
            jdbc.sql("drop table keyed").update();
        }
    }

    @Test
    void noKeysAreRefused() {
        assertThatThrownBy(() -> KeyCondition.of("id", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** The generic plans PostgreSQL made for the connection's prepared form of the lookup. */
    private static long plans(JdbcClient jdbc, KeyCondition keys) {
        return jdbc.sql("select coalesce(sum(generic_plans), 0) from pg_prepared_statements where statement like ?")
                .param("%" + keys.sql().replace("?", "$1"))
                .query(Long.class)
                .single();
    }
}
