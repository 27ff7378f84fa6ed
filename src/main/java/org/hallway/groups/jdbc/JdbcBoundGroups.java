package org.hallway.groups.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hallway.groups.BoundGroups;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBoundGroups implements BoundGroups {
    private final JdbcClient jdbc;

    JdbcBoundGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bind(long groupId, @Nullable Long directoryGroupId, Instant at) {
        jdbc.sql("update groups set directory_group_id = ?, updated_at = ? where id = ?")
                .params(directoryGroupId, Timestamp.from(at), groupId)
                .update();
    }

    @Override
    public List<Binding> boundTo(long networkId, Collection<Long> directoryGroupIds) {
        if (directoryGroupIds.isEmpty()) return List.of();
        return jdbc.sql(
                        """
            select id, directory_group_id from groups
            where network_id = ? and directory_group_id = any(?) order by id""")
                .params(networkId, directoryGroupIds.toArray(Long[]::new))
                .query((rs, n) -> new Binding(rs.getLong(1), rs.getLong(2)))
                .list();
    }
}
