package org.hallway.directory.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.hallway.directory.ScimGroup;
import org.hallway.directory.ScimGroupStore;
import org.hallway.directory.ScimPage;
import org.hallway.directory.ScimQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SCIM groups in directory_groups (source 'scim'). The table requires an external id; a group the
 * provider sent without one keeps its own id there, prefixed with {@value #OWN_ID}, and shows none.
 */
@Repository
class JdbcScimGroupStore implements ScimGroupStore {
    private static final String OWN_ID = "hallway:";

    private record Row(long id, long networkId, String externalId, String name, Instant created, Instant updated) {}

    private final JdbcClient jdbc;

    JdbcScimGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ScimGroup> find(long networkId, long id) {
        var rows = jdbc.sql("select * from directory_groups where network_id = ? and source = 'scim' and id = ?")
                .params(networkId, id)
                .query(JdbcScimGroupStore::row)
                .list();
        return withMembers(rows).stream().findFirst();
    }

    @Override
    public ScimPage<ScimGroup> search(long networkId, List<ScimQuery> conditions, int offset, int limit) {
        var where = new StringBuilder(" where network_id = ? and source = 'scim'");
        var params = new ArrayList<Object>(List.of(networkId));
        for (var query : conditions) {
            where.append(
                    switch (query.attribute()) {
                        case ID -> " and id::text like ?";
                        case EXTERNAL_ID -> " and external_id like ? and external_id not like 'hallway:%'";
                        case DISPLAY_NAME -> " and lower(name) like lower(?)";
                        case MEMBER -> " and exists (select 1 from directory_group_members m"
                                + " where m.group_id = directory_groups.id and m.account_id::text like ?)";
                        case USER_NAME, EMAIL -> throw new IllegalArgumentException(
                                "Groups cannot be searched by " + query.attribute());
                    });
            params.add(query.likePattern());
        }
        int total = jdbc.sql("select count(*) from directory_groups" + where)
                .params(params)
                .query(Integer.class)
                .single();
        if (limit <= 0) return new ScimPage<>(total, List.of());
        params.add(offset);
        params.add(limit);
        var rows = jdbc.sql("select * from directory_groups" + where + " order by id offset ? limit ?")
                .params(params)
                .query(JdbcScimGroupStore::row)
                .list();
        return new ScimPage<>(total, withMembers(rows));
    }

    @Override
    public boolean externalIdTaken(long networkId, String externalId, long exceptGroupId) {
        return jdbc.sql("select exists (select 1 from directory_groups where network_id = ? and source = 'scim'"
                        + " and external_id = ? and id <> ?)")
                .params(networkId, externalId, exceptGroupId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public void insert(long id, long networkId, ScimGroup.Data data, Instant at) {
        var now = Timestamp.from(at);
        jdbc.sql(
                        """
            insert into directory_groups (id, network_id, source, external_id, name, created_at, updated_at)
            values (?, ?, 'scim', ?, ?, ?, ?)""")
                .params(id, networkId, externalId(id, data), data.displayName().strip(), now, now)
                .update();
        addMembers(id, data.members());
    }

    @Override
    public void update(long networkId, long id, ScimGroup.Data data, Instant at) {
        jdbc.sql("update directory_groups set external_id = ?, name = ?, updated_at = ?"
                        + " where network_id = ? and source = 'scim' and id = ?")
                .params(externalId(id, data), data.displayName().strip(), Timestamp.from(at), networkId, id)
                .update();
        jdbc.sql("delete from directory_group_members where group_id = ?")
                .param(id)
                .update();
        addMembers(id, data.members());
    }

    @Override
    public void delete(long networkId, long id) {
        jdbc.sql("delete from directory_groups where network_id = ? and source = 'scim' and id = ?")
                .params(networkId, id)
                .update();
    }

    @Override
    public List<Long> removeMemberEverywhere(long networkId, long accountId) {
        return jdbc.sql(
                        """
            delete from directory_group_members m using directory_groups g
            where m.group_id = g.id and g.network_id = ? and g.source = 'scim' and m.account_id = ?
            returning m.group_id""")
                .params(networkId, accountId)
                .query(Long.class)
                .list();
    }

    private void addMembers(long groupId, List<Long> members) {
        if (members.isEmpty()) return;
        jdbc.sql(
                        """
            insert into directory_group_members (group_id, account_id)
            select ?, unnest(?::bigint[]) on conflict do nothing""")
                .params(groupId, members.toArray(Long[]::new))
                .update();
    }

    private static String externalId(long id, ScimGroup.Data data) {
        return data.externalId() == null || data.externalId().isBlank() ? OWN_ID + id : data.externalId();
    }

    private List<ScimGroup> withMembers(List<Row> rows) {
        if (rows.isEmpty()) return List.of();
        var members = new HashMap<Long, List<Long>>();
        jdbc.sql("select group_id, account_id from directory_group_members where group_id = any(?)"
                        + " order by group_id, account_id")
                .param(rows.stream().map(Row::id).toArray(Long[]::new))
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                });
        return rows.stream()
                .map(r -> new ScimGroup(
                        r.id(),
                        r.networkId(),
                        r.externalId().startsWith(OWN_ID) ? null : r.externalId(),
                        r.name(),
                        List.copyOf(members.getOrDefault(r.id(), List.of())),
                        r.created(),
                        r.updated()))
                .toList();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
