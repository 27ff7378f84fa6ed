package org.hallway.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS =
            "id, network_id, username, email, display_name, bio, title, department, location, manager_id,"
                    + " role, active, created_at";

    private final JdbcClient jdbc;

    JdbcAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Account a, @Nullable String passwordHash) {
        var now = Timestamp.from(a.createdAt());
        jdbc.sql(
                        """
            insert into accounts (id, network_id, username, email, password_hash, display_name, bio,
              title, department, location, manager_id, role, active, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        a.id(),
                        a.networkId(),
                        a.username(),
                        a.email(),
                        passwordHash,
                        a.displayName(),
                        a.bio(),
                        a.title(),
                        a.department(),
                        a.location(),
                        a.managerId(),
                        a.role().code(),
                        a.active(),
                        now,
                        now)
                .update();
    }

    @Override
    public Optional<Account> find(long networkId, long id) {
        return jdbc.sql("select " + COLUMNS + " from accounts where network_id = ? and id = ?")
                .params(networkId, id)
                .query(JdbcAccountStore::map)
                .optional();
    }

    @Override
    public Map<Long, Account> findAll(long networkId, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbc
                .sql("select " + COLUMNS + " from accounts where network_id = ? and id = any(?)")
                .params(networkId, ids.toArray(Long[]::new))
                .query(JdbcAccountStore::map)
                // list(), not stream(): outside a transaction an unclosed query stream never returns its connection.
                .list()
                .stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
    }

    @Override
    public Optional<Account> findByUsername(long networkId, String username) {
        return jdbc.sql("select " + COLUMNS + " from accounts where network_id = ? and lower(username) = lower(?)")
                .params(networkId, username)
                .query(JdbcAccountStore::map)
                .optional();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from accounts where lower(email) = lower(?)")
                .param(email)
                .query(JdbcAccountStore::map)
                .optional();
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return jdbc.sql("select password_hash from accounts where id = ?")
                .param(accountId)
                .query(String.class)
                .optional();
    }

    @Override
    public List<Account> list(long networkId, PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from accounts where network_id = ? and id < ? and id > ?"
                        + " order by id desc limit ?")
                .params(networkId, page.upperBound(), page.lowerBound(), page.limit())
                .query(JdbcAccountStore::map)
                .list();
    }

    @Override
    public List<Account> search(long networkId, String prefix, int limit) {
        var like =
                prefix.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + " from accounts where network_id = ? and active"
                        + " and (lower(username) like ? or lower(display_name) like ? or lower(display_name) like ?)"
                        + " order by display_name limit ?")
                .params(networkId, like, like, "% " + like, limit)
                .query(JdbcAccountStore::map)
                .list();
    }

    @Override
    public void updateProfile(Account a) {
        jdbc.sql(
                        """
            update accounts set display_name = ?, bio = ?, title = ?, department = ?, location = ?,
              manager_id = ?, updated_at = now()
            where network_id = ? and id = ?""")
                .params(
                        a.displayName(),
                        a.bio(),
                        a.title(),
                        a.department(),
                        a.location(),
                        a.managerId(),
                        a.networkId(),
                        a.id())
                .update();
    }

    @Override
    public void deactivate(long networkId, long accountId, Instant at) {
        jdbc.sql("update accounts set active = false, deactivated_at = ? where network_id = ? and id = ?")
                .params(Timestamp.from(at), networkId, accountId)
                .update();
    }

    @Override
    public void updateFromDirectory(Account a) {
        jdbc.sql(
                        """
            update accounts set email = ?, display_name = ?, title = ?, department = ?, manager_id = ?,
              updated_at = now()
            where network_id = ? and id = ?""")
                .params(a.email(), a.displayName(), a.title(), a.department(), a.managerId(), a.networkId(), a.id())
                .update();
    }

    @Override
    public void setPasswordHash(long accountId, String passwordHash) {
        jdbc.sql("update accounts set password_hash = ?, updated_at = now() where id = ?")
                .params(passwordHash, accountId)
                .update();
    }

    @Override
    public void reactivate(long networkId, long accountId) {
        jdbc.sql("update accounts set active = true, deactivated_at = null, updated_at = now()"
                        + " where network_id = ? and id = ?")
                .params(networkId, accountId)
                .update();
    }

    @Override
    public List<Long> activeAdmins(long networkId) {
        return jdbc.sql("select id from accounts where network_id = ? and role = 'admin' and active order by id")
                .param(networkId)
                .query(Long.class)
                .list();
    }

    @Override
    public boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from accounts where role = 'admin')")
                .query(Boolean.class)
                .single();
    }

    @Override
    public int countActive(long networkId) {
        return jdbc.sql("select count(*) from accounts where network_id = ? and active")
                .param(networkId)
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<String> displayName(long accountId) {
        return jdbc.sql("select display_name from accounts where id = ?")
                .param(accountId)
                .query(String.class)
                .optional();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        long managerId = rs.getLong("manager_id");
        Long manager = rs.wasNull() ? null : managerId;
        return new Account(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("bio"),
                rs.getString("title"),
                rs.getString("department"),
                rs.getString("location"),
                manager,
                Account.Role.of(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
