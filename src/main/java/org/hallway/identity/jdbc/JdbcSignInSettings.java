package org.hallway.identity.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import org.hallway.identity.SignInSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSignInSettings implements SignInSettings {
    private final JdbcClient jdbc;

    JdbcSignInSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean localPasswords(long networkId) {
        return jdbc.sql("select local_passwords from sign_in_settings where network_id = ?")
                .param(networkId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    @Override
    public void setLocalPasswords(long networkId, boolean enabled, Instant at) {
        jdbc.sql(
                        """
            insert into sign_in_settings (network_id, local_passwords, updated_at) values (?, ?, ?)
            on conflict (network_id) do update set local_passwords = excluded.local_passwords,
              updated_at = excluded.updated_at""")
                .params(networkId, enabled, Timestamp.from(at))
                .update();
    }
}
