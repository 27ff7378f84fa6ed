package org.hallway.identity.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.hallway.identity.AuthorizationCode;
import org.hallway.identity.CodeStore;
import org.hallway.identity.Scopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCodeStore implements CodeStore {
    private final JdbcClient jdbc;

    JdbcCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AuthorizationCode code, byte[] hash) {
        jdbc.sql(
                        """
            insert into oauth_codes (id, network_id, account_id, app_id, code_hash, redirect_uri, scopes,
                                     code_challenge, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        code.id(),
                        code.networkId(),
                        code.accountId(),
                        code.appId(),
                        hash,
                        code.redirectUri(),
                        code.scopes().toString(),
                        code.codeChallenge(),
                        Timestamp.from(code.createdAt()),
                        Timestamp.from(code.expiresAt()))
                .update();
    }

    @Override
    public Optional<AuthorizationCode> consume(byte[] hash, Instant at) {
        // The row lock of the update makes the code single-use even under concurrent exchanges.
        return jdbc.sql(
                        """
            update oauth_codes set used_at = ? where code_hash = ? and used_at is null
            returning id, network_id, account_id, app_id, redirect_uri, scopes, code_challenge, created_at, expires_at""")
                .params(Timestamp.from(at), hash)
                .query((rs, n) -> new AuthorizationCode(
                        rs.getLong("id"),
                        rs.getLong("network_id"),
                        rs.getLong("account_id"),
                        rs.getLong("app_id"),
                        rs.getString("redirect_uri"),
                        Scopes.parse(rs.getString("scopes")),
                        rs.getString("code_challenge"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    @Override
    public int purge(Instant before) {
        return jdbc.sql("delete from oauth_codes where expires_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
