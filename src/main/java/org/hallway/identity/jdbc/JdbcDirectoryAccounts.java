package org.hallway.identity.jdbc;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.hallway.identity.Account;
import org.hallway.identity.DirectoryAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDirectoryAccounts implements DirectoryAccounts {
    private final JdbcClient jdbc;

    JdbcDirectoryAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> findLinked(long networkId, String source, String externalId) {
        return jdbc.sql("select id from accounts where network_id = ? and directory_source = ? and external_id = ?")
                .params(networkId, source, externalId)
                .query(Long.class)
                .optional();
    }

    @Override
    public List<Linked> linked(long networkId, String source) {
        return jdbc.sql("select id, external_id, active from accounts"
                        + " where network_id = ? and directory_source = ? and external_id is not null")
                .params(networkId, source)
                .query((rs, n) -> new Linked(rs.getLong("id"), rs.getString("external_id"), rs.getBoolean("active")))
                .list();
    }

    @Override
    public void insert(Account a, String source, String externalId, Fields f) {
        var now = Timestamp.from(a.createdAt());
        jdbc.sql(
                        """
            insert into accounts (id, network_id, username, email, password_hash, display_name, bio,
              title, department, location, manager_id, role, active, created_at, updated_at,
              directory_source, external_id, phone, employee_number)
            values (?, ?, ?, ?, null, ?, '', ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?)""")
                .params(
                        a.id(),
                        a.networkId(),
                        a.username(),
                        f.email(),
                        f.displayName(),
                        f.title(),
                        f.department(),
                        f.location(),
                        a.managerId(),
                        a.role().code(),
                        now,
                        now,
                        source,
                        externalId,
                        f.phone(),
                        f.employeeNumber())
                .update();
    }

    @Override
    public void link(long accountId, String source, String externalId) {
        jdbc.sql("update accounts set directory_source = ?, external_id = ?, updated_at = now()"
                        + " where id = ? and directory_source = 'local'")
                .params(source, externalId, accountId)
                .update();
    }

    @Override
    public boolean update(long networkId, long accountId, Fields f) {
        return jdbc.sql(
                                """
            update accounts set email = ?, display_name = coalesce(?::text, display_name), title = coalesce(?::text, title),
              department = coalesce(?::text, department), location = coalesce(?::text, location),
              phone = coalesce(?::text, phone), employee_number = coalesce(?::text, employee_number), updated_at = now()
            where network_id = ? and id = ?
              and (email, display_name, title, department, location, phone, employee_number)
                  is distinct from (?, coalesce(?::text, display_name), coalesce(?::text, title), coalesce(?::text, department),
                    coalesce(?::text, location), coalesce(?::text, phone), coalesce(?::text, employee_number))""")
                        .params(
                                f.email(),
                                f.displayName(),
                                f.title(),
                                f.department(),
                                f.location(),
                                f.phone(),
                                f.employeeNumber(),
                                networkId,
                                accountId,
                                f.email(),
                                f.displayName(),
                                f.title(),
                                f.department(),
                                f.location(),
                                f.phone(),
                                f.employeeNumber())
                        .update()
                > 0;
    }

    @Override
    public boolean setManager(long networkId, long accountId, @Nullable Long managerId) {
        return jdbc.sql("update accounts set manager_id = ?, updated_at = now()"
                                + " where network_id = ? and id = ? and manager_id is distinct from ?")
                        .params(managerId, networkId, accountId, managerId)
                        .update()
                > 0;
    }
}
