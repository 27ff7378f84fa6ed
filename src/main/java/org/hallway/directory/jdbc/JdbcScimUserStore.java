package org.hallway.directory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hallway.directory.ScimPage;
import org.hallway.directory.ScimQuery;
import org.hallway.directory.ScimUser;
import org.hallway.directory.ScimUserStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcScimUserStore implements ScimUserStore {
    private static final String SELECT =
            """
            select a.id, a.network_id, a.username, s.user_name, a.external_id, s.given_name, s.family_name,
              a.display_name, a.email, a.title, a.phone, a.department, a.employee_number, a.manager_id,
              a.active, s.created_at, s.updated_at
            from scim_users s join accounts a on a.id = s.account_id
            """;

    private final JdbcClient jdbc;

    JdbcScimUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ScimUser> find(long networkId, long accountId) {
        return jdbc.sql(SELECT + " where s.network_id = ? and s.account_id = ? and s.deleted_at is null")
                .params(networkId, accountId)
                .query(JdbcScimUserStore::map)
                .optional();
    }

    @Override
    public Optional<Long> findAnyByUserName(long networkId, String userName) {
        return jdbc.sql("select account_id from scim_users where network_id = ? and lower(user_name) = lower(?)")
                .params(networkId, userName)
                .query(Long.class)
                .optional();
    }

    @Override
    public ScimPage<ScimUser> search(long networkId, List<ScimQuery> conditions, int offset, int limit) {
        var where = new StringBuilder(" where s.network_id = ? and s.deleted_at is null");
        var params = new ArrayList<Object>(List.of(networkId));
        for (var query : conditions) {
            where.append(" and ").append(condition(query.attribute()));
            params.add(query.likePattern());
        }
        int total = jdbc.sql("select count(*) from scim_users s join accounts a on a.id = s.account_id" + where)
                .params(params)
                .query(Integer.class)
                .single();
        if (limit <= 0) return new ScimPage<>(total, List.of());
        params.add(offset);
        params.add(limit);
        var page = jdbc.sql(SELECT + where + " order by a.id offset ? limit ?")
                .params(params)
                .query(JdbcScimUserStore::map)
                .list();
        return new ScimPage<>(total, page);
    }

    private static String condition(ScimQuery.Attribute attribute) {
        return switch (attribute) {
            case ID -> "a.id::text like ?";
            case USER_NAME -> "lower(s.user_name) like lower(?)";
            case EMAIL -> "lower(a.email) like lower(?)";
            case EXTERNAL_ID -> "a.external_id like ?";
            case DISPLAY_NAME -> "lower(a.display_name) like lower(?)";
            case MEMBER -> throw new IllegalArgumentException("Users have no members");
        };
    }

    @Override
    public boolean externalIdTaken(long networkId, String externalId, long exceptAccountId) {
        return jdbc.sql(
                        """
            select exists (select 1 from accounts where network_id = ? and directory_source = 'scim'
              and external_id = ? and id <> ?)""")
                .params(networkId, externalId, exceptAccountId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Set<Long> existing(long networkId, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select account_id from scim_users where network_id = ? and account_id = any(?)"
                        + " and deleted_at is null")
                .params(networkId, accountIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public void save(long networkId, long accountId, ScimUser.Data d, Instant at) {
        var now = Timestamp.from(at);
        jdbc.sql(
                        """
            insert into scim_users (account_id, network_id, user_name, given_name, family_name, created_at,
              updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id) do update set user_name = excluded.user_name,
              given_name = excluded.given_name, family_name = excluded.family_name,
              updated_at = excluded.updated_at, deleted_at = null""")
                .params(accountId, networkId, d.userName(), d.givenName(), d.familyName(), now, now)
                .update();
        jdbc.sql(
                        """
            update accounts set directory_source = 'scim', external_id = ?, employee_number = ?, phone = ?
            where network_id = ? and id = ?""")
                .params(d.externalId(), d.employeeNumber(), d.phone(), networkId, accountId)
                .update();
    }

    @Override
    public void markDeleted(long networkId, long accountId, Instant at) {
        jdbc.sql("update scim_users set deleted_at = ? where network_id = ? and account_id = ?")
                .params(Timestamp.from(at), networkId, accountId)
                .update();
    }

    private static ScimUser map(ResultSet rs, int row) throws SQLException {
        long managerId = rs.getLong("manager_id");
        Long manager = rs.wasNull() ? null : managerId;
        var data = new ScimUser.Data(
                rs.getString("user_name"),
                rs.getString("external_id"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("title"),
                rs.getString("phone"),
                rs.getString("department"),
                rs.getString("employee_number"),
                manager,
                rs.getBoolean("active"),
                null);
        return new ScimUser(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("username"),
                data,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
