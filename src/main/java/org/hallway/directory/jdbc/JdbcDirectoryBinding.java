package org.hallway.directory.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.hallway.directory.DirectoryBinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDirectoryBinding implements DirectoryBinding {
    private final JdbcClient jdbc;

    JdbcDirectoryBinding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> networkId() {
        return jdbc.sql("select network_id from directory_binding")
                .query(Long.class)
                .optional();
    }

    @Override
    public void bind(long networkId, Instant at) {
        jdbc.sql(
                        """
            insert into directory_binding (singleton, network_id, updated_at) values (true, ?, ?)
            on conflict (singleton) do update set network_id = excluded.network_id, updated_at = excluded.updated_at""")
                .params(networkId, Timestamp.from(at))
                .update();
    }
}
