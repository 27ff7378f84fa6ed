package org.hallway.directory.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.directory.DirectoryGroupStore;
import org.hallway.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDirectoryGroupStore implements DirectoryGroupStore {
    private final JdbcClient jdbc;
    private final Ids ids;

    JdbcDirectoryGroupStore(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    @Override
    public List<Long> replace(long networkId, String source, List<Group> groups, Instant at) {
        var now = Timestamp.from(at);
        var keep = new ArrayList<String>();
        var kept = new ArrayList<Long>();
        for (var g : groups) {
            keep.add(g.externalId());
            long id = jdbc.sql(
                            """
                insert into directory_groups (id, network_id, source, external_id, name, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (network_id, source, external_id) do update set name = excluded.name,
                  updated_at = excluded.updated_at
                returning id""")
                    .params(ids.next(), networkId, source, g.externalId(), g.name(), now, now)
                    .query(Long.class)
                    .single();
            kept.add(id);
            jdbc.sql("delete from directory_group_members where group_id = ? and not (account_id = any(?))")
                    .params(id, g.memberIds().toArray(Long[]::new))
                    .update();
            jdbc.sql(
                            """
                insert into directory_group_members (group_id, account_id)
                select ?, unnest(?::bigint[]) on conflict do nothing""")
                    .params(id, g.memberIds().toArray(Long[]::new))
                    .update();
        }
        jdbc.sql("delete from directory_groups where network_id = ? and source = ? and not (external_id = any(?))")
                .params(networkId, source, keep.toArray(String[]::new))
                .update();
        return kept;
    }

    @Override
    public Map<String, List<Long>> groups(long networkId, String source) {
        var result = new LinkedHashMap<String, List<Long>>();
        jdbc.sql(
                        """
            select g.name, m.account_id from directory_groups g
              left join directory_group_members m on m.group_id = g.id
            where g.network_id = ? and g.source = ? order by g.name, m.account_id""")
                .params(networkId, source)
                .query(rs -> {
                    var list = result.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>());
                    long account = rs.getLong("account_id");
                    if (!rs.wasNull()) list.add(account);
                });
        return result;
    }

    @Override
    public List<Listed> list(long networkId) {
        return jdbc.sql(LISTED + " where g.network_id = ? order by lower(g.name), g.id")
                .param(networkId)
                .query(JdbcDirectoryGroupStore::listed)
                .list();
    }

    @Override
    public Optional<Listed> find(long networkId, long id) {
        return jdbc.sql(LISTED + " where g.network_id = ? and g.id = ?")
                .params(networkId, id)
                .query(JdbcDirectoryGroupStore::listed)
                .optional();
    }

    @Override
    public List<Long> activeMembers(long networkId, long id) {
        return jdbc.sql(
                        """
            select m.account_id from directory_group_members m
              join directory_groups g on g.id = m.group_id
              join accounts a on a.id = m.account_id
            where g.network_id = ? and g.id = ? and a.active order by m.account_id""")
                .params(networkId, id)
                .query(Long.class)
                .list();
    }

    private static final String LISTED =
            "select g.id, g.source, g.name, (select count(*) from directory_group_members m where m.group_id = g.id)"
                    + " as members_count from directory_groups g";

    private static Listed listed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Listed(rs.getLong("id"), rs.getString("source"), rs.getString("name"), rs.getInt("members_count"));
    }
}
