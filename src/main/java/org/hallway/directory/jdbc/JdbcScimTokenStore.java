package org.hallway.directory.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.directory.ScimCaller;
import org.hallway.directory.ScimToken;
import org.hallway.directory.ScimTokenStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcScimTokenStore implements ScimTokenStore {
    private final JdbcClient jdbc;

    JdbcScimTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(long id, long networkId, String name, byte[] hash, @Nullable Long createdBy, Instant at) {
        jdbc.sql("insert into scim_tokens (id, network_id, name, token_hash, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(id, networkId, name, hash, createdBy, Timestamp.from(at))
                .update();
    }

    @Override
    public Optional<ScimCaller> callerOf(byte[] hash, Instant at) {
        return jdbc.sql("update scim_tokens set last_used_at = ? where token_hash = ? and revoked_at is null"
                        + " returning network_id, name")
                .params(Timestamp.from(at), hash)
                .query((rs, n) -> new ScimCaller(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    @Override
    public List<ScimToken> list(long networkId) {
        return jdbc.sql("select id, network_id, name, created_at, last_used_at, revoked_at from scim_tokens"
                        + " where network_id = ? order by id desc")
                .param(networkId)
                .query((rs, n) -> {
                    var used = rs.getTimestamp("last_used_at");
                    return new ScimToken(
                            rs.getLong("id"),
                            rs.getLong("network_id"),
                            rs.getString("name"),
                            rs.getTimestamp("created_at").toInstant(),
                            used == null ? null : used.toInstant(),
                            rs.getTimestamp("revoked_at") != null);
                })
                .list();
    }

    @Override
    public boolean revoke(long networkId, long id, Instant at) {
        return jdbc.sql("update scim_tokens set revoked_at = coalesce(revoked_at, ?) where network_id = ? and id = ?")
                        .params(Timestamp.from(at), networkId, id)
                        .update()
                > 0;
    }
}
