package org.hallway.directory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hallway.directory.SyncRun;
import org.hallway.directory.SyncRunStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSyncRunStore implements SyncRunStore {
    private final JdbcClient jdbc;

    JdbcSyncRunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(SyncRun r) {
        jdbc.sql(
                        """
            insert into directory_sync_runs (id, network_id, trigger, outcome, started_at, finished_at,
              seen, created, updated, deactivated, message)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.networkId(),
                        r.trigger().code(),
                        r.outcome().code(),
                        Timestamp.from(r.startedAt()),
                        Timestamp.from(r.finishedAt()),
                        r.seen(),
                        r.created(),
                        r.updated(),
                        r.deactivated(),
                        r.message())
                .update();
    }

    @Override
    public List<SyncRun> latest(long networkId, int limit) {
        return jdbc.sql("select * from directory_sync_runs where network_id = ? order by id desc limit ?")
                .params(networkId, limit)
                .query(JdbcSyncRunStore::map)
                .list();
    }

    @Override
    public Optional<SyncRun> lastSucceeded(long networkId) {
        return jdbc.sql("select * from directory_sync_runs where network_id = ? and outcome = 'succeeded'"
                        + " order by id desc limit 1")
                .param(networkId)
                .query(JdbcSyncRunStore::map)
                .optional();
    }

    private static SyncRun map(ResultSet rs, int n) throws SQLException {
        return new SyncRun(
                rs.getLong("id"),
                rs.getLong("network_id"),
                SyncRun.Trigger.valueOf(rs.getString("trigger").toUpperCase(Locale.ROOT)),
                SyncRun.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(),
                rs.getInt("seen"),
                rs.getInt("created"),
                rs.getInt("updated"),
                rs.getInt("deactivated"),
                rs.getString("message"));
    }
}
