package org.hallway.network.jdbc;

import java.sql.Timestamp;
import java.util.Optional;
import org.hallway.network.Network;
import org.hallway.network.NetworkStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNetworkStore implements NetworkStore {
    private static final RowMapper<Network> ROW = (rs, n) -> new Network(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    JdbcNetworkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Network network) {
        jdbc.sql("insert into networks (id, name, created_at) values (?, ?, ?)")
                .params(network.id(), network.name(), Timestamp.from(network.createdAt()))
                .update();
    }

    @Override
    public Optional<Network> find(long id) {
        return jdbc.sql("select * from networks where id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    @Override
    public Optional<Network> first() {
        return jdbc.sql("select * from networks order by id limit 1").query(ROW).optional();
    }
}
