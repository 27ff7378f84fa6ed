package org.hallway.notify.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
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
    public void touch(long networkId, long accountId, Instant at, Duration absence) {
        jdbc.sql(
                        """
            insert into account_activity (account_id, network_id, last_active_at) values (:account, :network, :at)
            on conflict (account_id) do update set last_active_at = excluded.last_active_at,
              away_from = case when account_activity.last_active_at < :absent_before
                               then account_activity.last_active_at else account_activity.away_from end,
              returned_at = case when account_activity.last_active_at < :absent_before
                                 then excluded.last_active_at else account_activity.returned_at end
            where account_activity.last_active_at < excluded.last_active_at""")
                .param("account", accountId)
                .param("network", networkId)
                .param("at", Timestamp.from(at))
                .param("absent_before", Timestamp.from(at.minus(absence)))
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

    @Override
    public Optional<Return> lastReturn(long accountId) {
        return jdbc.sql(
                        """
            select away_from, returned_at, coalesce(caught_up_at >= returned_at, false) from account_activity
            where account_id = ? and returned_at is not null""")
                .param(accountId)
                .query((rs, n) -> new Return(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
                .optional();
    }

    @Override
    public void caughtUp(long accountId, Instant at) {
        jdbc.sql("update account_activity set caught_up_at = ? where account_id = ?")
                .params(Timestamp.from(at), accountId)
                .update();
    }
}
