package org.hallway.notify.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hallway.notify.Marker;
import org.hallway.notify.MarkerStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMarkerStore implements MarkerStore {
    private final JdbcClient jdbc;

    JdbcMarkerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Marker> find(long accountId, Collection<String> timelines) {
        var result = new LinkedHashMap<String, Marker>();
        if (timelines.isEmpty()) return result;
        jdbc.sql(
                        "select timeline, last_read_id, version, updated_at from markers where account_id = :account and timeline = any(:timelines) order by timeline")
                .param("account", accountId)
                .param("timelines", timelines.toArray(String[]::new))
                .query(JdbcMarkerStore::row)
                .list()
                .forEach(m -> result.put(m.timeline(), m));
        return result;
    }

    @Override
    public Marker save(long networkId, long accountId, String timeline, long lastReadId, Instant at) {
        return jdbc.sql(
                        """
            insert into markers (account_id, network_id, timeline, last_read_id, version, updated_at)
            values (:account, :network, :timeline, :last, 1, :at)
            on conflict (account_id, timeline) do update
              set last_read_id = excluded.last_read_id, version = markers.version + 1, updated_at = excluded.updated_at
            returning timeline, last_read_id, version, updated_at""")
                .param("account", accountId)
                .param("network", networkId)
                .param("timeline", timeline)
                .param("last", lastReadId)
                .param("at", Timestamp.from(at))
                .query(JdbcMarkerStore::row)
                .single();
    }

    private static Marker row(ResultSet rs, int n) throws SQLException {
        return new Marker(
                rs.getString("timeline"),
                rs.getLong("last_read_id"),
                rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
