package org.hallway.notify.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.hallway.notify.ActivityStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcActivityStore implements ActivityStore {
    private final JdbcClient jdbc;

    JdbcActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void touch(long networkId, long accountId, Instant at) {
        jdbc.sql(
                        """
            insert into account_activity (account_id, network_id, last_active_at) values (:account, :network, :at)
            on conflict (account_id) do update set last_active_at = excluded.last_active_at
            where account_activity.last_active_at < excluded.last_active_at""")
                .param("account", accountId)
                .param("network", networkId)
                .param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public Optional<Instant> lastActive(long accountId) {
        return jdbc.sql("select last_active_at from account_activity where account_id = ?")
                .param(accountId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }
}
