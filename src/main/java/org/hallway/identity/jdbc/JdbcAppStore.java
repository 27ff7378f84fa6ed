package org.hallway.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import org.hallway.identity.AppStore;
import org.hallway.identity.OAuthApp;
import org.hallway.identity.Scopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAppStore implements AppStore {
    private final JdbcClient jdbc;

    JdbcAppStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(OAuthApp app) {
        jdbc.sql(
                        """
            insert into oauth_apps (id, name, website, redirect_uris, scopes, client_id, client_secret, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        app.id(),
                        app.name(),
                        app.website(),
                        String.join("\n", app.redirectUris()),
                        app.scopes().toString(),
                        app.clientId(),
                        app.clientSecret(),
                        Timestamp.from(app.createdAt()))
                .update();
    }

    @Override
    public Optional<OAuthApp> findByClientId(String clientId) {
        return jdbc.sql("select * from oauth_apps where client_id = ?")
                .param(clientId)
                .query(JdbcAppStore::map)
                .optional();
    }

    @Override
    public Optional<OAuthApp> find(long id) {
        return jdbc.sql("select * from oauth_apps where id = ?")
                .param(id)
                .query(JdbcAppStore::map)
                .optional();
    }

    private static OAuthApp map(ResultSet rs, int row) throws SQLException {
        return new OAuthApp(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("website"),
                Arrays.asList(rs.getString("redirect_uris").split("\n")),
                Scopes.parse(rs.getString("scopes")),
                rs.getString("client_id"),
                rs.getString("client_secret"),
                rs.getTimestamp("created_at").toInstant());
    }
}
