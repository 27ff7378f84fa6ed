package org.hallway.notify.jdbc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hallway.notify.ActivityStore;
import org.hallway.shared.Unhurried;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcActivityStore implements ActivityStore {
    private final JdbcClient jdbc;

    JdbcActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Commits on its own without waiting for the disk: a lost sight is noted again (ADR 0073). */
    @Override
    public void touchAll(List<Seen> seen, Duration absence) {
        if (seen.isEmpty()) return;
        int n = seen.size();
        var accounts = new Long[n];
        var networks = new Long[n];
        var ats = new String[n];
        // In account order, so that concurrent statements take their row locks in the same order.
        var sorted =
                seen.stream().sorted(Comparator.comparingLong(Seen::accountId)).toList();
        for (int i = 0; i < n; i++) {
            var s = sorted.get(i);
            accounts[i] = s.accountId();
            networks[i] = s.networkId();
            ats[i] = s.at().toString();
        }
        Unhurried.statement(
                        jdbc,
                        """
            insert into account_activity (account_id, network_id, last_active_at)
            select account_id, network_id, at
            from unnest(cast(:accounts as bigint[]), cast(:networks as bigint[]), cast(:ats as timestamptz[]))
              as s(account_id, network_id, at), unhurried
            on conflict (account_id) do update set last_active_at = excluded.last_active_at,
              away_from = case when account_activity.last_active_at < excluded.last_active_at - make_interval(secs => :absence)
                               then account_activity.last_active_at else account_activity.away_from end,
              returned_at = case when account_activity.last_active_at < excluded.last_active_at - make_interval(secs => :absence)
                                 then excluded.last_active_at else account_activity.returned_at end
            where account_activity.last_active_at < excluded.last_active_at""")
                .param("accounts", accounts)
                .param("networks", networks)
                .param("ats", ats)
                .param("absence", absence.toSeconds())
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
