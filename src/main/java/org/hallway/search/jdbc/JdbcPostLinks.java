package org.hallway.search.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hallway.search.PostLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcPostLinks implements PostLinks {
    private final JdbcClient jdbc;

    JdbcPostLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void replace(long networkId, long postId, Instant createdAt, List<String> urls) {
        jdbc.sql("delete from post_links where post_id = ?").param(postId).update();
        for (var url : urls) {
            jdbc.sql(
                            """
                            insert into post_links (post_id, network_id, url, created_at) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(postId, networkId, url, Timestamp.from(createdAt))
                    .update();
        }
    }
}
