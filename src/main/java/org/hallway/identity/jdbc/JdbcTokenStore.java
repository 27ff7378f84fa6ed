package org.hallway.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hallway.identity.Scopes;
import org.hallway.identity.TokenStore;
import org.hallway.shared.Unhurried;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository("jdbcTokenStore")
class JdbcTokenStore implements TokenStore {
    private final JdbcClient jdbc;

    JdbcTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(
            long id,
            long networkId,
            Long accountId,
            long appId,
            byte[] hash,
            byte @Nullable [] refreshHash,
            Scopes scopes,
            Instant at) {
        jdbc.sql(
                        """
            insert into oauth_tokens (id, network_id, account_id, app_id, token_hash, refresh_hash, scopes, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, networkId, accountId, appId, hash, refreshHash, scopes.toString(), Timestamp.from(at))
                .update();
    }

    @Override
    public Optional<Grant> consumeRefresh(long appId, byte[] refreshHash, Instant at) {
        return jdbc.sql(
                        """
            update oauth_tokens t set revoked_at = ?
            from oauth_tokens o left join accounts a on a.id = o.account_id
            where o.id = t.id and t.app_id = ? and t.refresh_hash = ? and t.revoked_at is null
              and (t.account_id is null or a.active)
            returning t.id, t.network_id, t.account_id, t.app_id, t.scopes, a.role, a.email""")
                .params(Timestamp.from(at), appId, refreshHash)
                .query(JdbcTokenStore::grant)
                .optional();
    }

    /** Commits on its own without waiting for the disk: a lost use is noted again (ADR 0073). */
    @Override
    public void touchAll(Map<Long, Instant> uses) {
        if (uses.isEmpty()) return;
        // In token order, so that two nodes' statements take their row locks in the same order.
        var sorted = new TreeMap<>(uses);
        var ids = sorted.keySet().toArray(Long[]::new);
        var ats = sorted.values().stream().map(Instant::toString).toArray(String[]::new);
        Unhurried.statement(
                        jdbc,
                        """
            update oauth_tokens t set last_used_at = u.at
            from unnest(cast(:ids as bigint[]), cast(:ats as timestamptz[])) as u(id, at), unhurried
            where t.id = u.id""")
                .param("ids", ids)
                .param("ats", ats)
                .update();
    }

    @Override
    public List<AuthorizedApp> authorizedApps(long accountId) {
        return jdbc.sql(
                        """
            select a.id, a.name, a.website, string_agg(t.scopes, ' ') as scopes,
                   min(t.created_at) as authorized_at, max(t.last_used_at) as last_used_at
            from oauth_tokens t join oauth_apps a on a.id = t.app_id
            where t.account_id = ? and t.revoked_at is null
            group by a.id, a.name, a.website
            order by max(coalesce(t.last_used_at, t.created_at)) desc, a.id""")
                .param(accountId)
                .query((rs, n) -> new AuthorizedApp(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("website"),
                        Scopes.parse(rs.getString("scopes")),
                        rs.getTimestamp("authorized_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    @Override
    public int revokeApp(long accountId, long appId, Instant at) {
        return jdbc.sql(
                        "update oauth_tokens set revoked_at = ? where account_id = ? and app_id = ? and revoked_at is null")
                .params(Timestamp.from(at), accountId, appId)
                .update();
    }

    @Override
    public Optional<Grant> findActive(byte[] hash) {
        return jdbc.sql(
                        """
            select t.id, t.network_id, t.account_id, t.app_id, t.scopes, a.role, a.email
            from oauth_tokens t left join accounts a on a.id = t.account_id
            where t.token_hash = ? and t.revoked_at is null and (t.account_id is null or a.active)""")
                .param(hash)
                .query(JdbcTokenStore::grant)
                .optional();
    }

    @Override
    public Optional<Grant> revoke(long appId, byte[] hash, Instant at) {
        return jdbc.sql(
                        """
            update oauth_tokens t set revoked_at = ?
            from oauth_tokens o left join accounts a on a.id = o.account_id
            where o.id = t.id and t.app_id = ? and t.token_hash = ? and t.revoked_at is null
            returning t.id, t.network_id, t.account_id, t.app_id, t.scopes, a.role, a.email""")
                .params(Timestamp.from(at), appId, hash)
                .query(JdbcTokenStore::grant)
                .optional();
    }

    @Override
    public int revokeAll(long accountId, Instant at) {
        return jdbc.sql("update oauth_tokens set revoked_at = ? where account_id = ? and revoked_at is null")
                .params(Timestamp.from(at), accountId)
                .update();
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        return new Grant(
                rs.getLong("id"),
                rs.getLong("network_id"),
                accountId,
                rs.getLong("app_id"),
                Scopes.parse(rs.getString("scopes")),
                "admin".equals(rs.getString("role")),
                "guest".equals(rs.getString("role")),
                accountId == null ? "app:" + rs.getLong("app_id") : rs.getString("email"));
    }
}
