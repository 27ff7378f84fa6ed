package org.hallway.search.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        add(networkId, postId, createdAt, urls);
    }

    @Override
    @Transactional
    public void add(long networkId, long postId, Instant createdAt, List<String> urls) {
        for (var url : urls) {
            jdbc.sql(
                            """
                            insert into post_links (post_id, network_id, url, created_at) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(postId, networkId, url, Timestamp.from(createdAt))
                    .update();
        }
    }

    @Override
    public java.util.Map<Long, List<String>> linksOf(java.util.Collection<Long> postIds) {
        var result = new java.util.HashMap<Long, List<String>>();
        jdbc.sql("select post_id, url from post_links where post_id = any(?) order by post_id, url")
                .param(postIds.toArray(Long[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(rs.getString(2));
                });
        return result;
    }

    @Override
    public List<PostText> postsWithLinksAfter(long afterId, int limit) {
        // The same rule as indexing: a link in the text itself ("http://" or "https://").
        return jdbc.sql(
                        """
                        select p.id, p.network_id, p.text, p.spoiler_text, p.created_at from posts p
                        where p.id > ? and p.deleted_at is null and p.reblog_of_id is null and p.text ~* 'https?://'
                        order by p.id limit ?""")
                .params(afterId, limit)
                .query((rs, i) -> {
                    var spoiler = rs.getString("spoiler_text");
                    var text = rs.getString("text");
                    return new PostText(
                            rs.getLong("id"),
                            rs.getLong("network_id"),
                            spoiler.isEmpty() ? text : spoiler + "\n" + text,
                            rs.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    @Override
    public Optional<Long> backfillPosition() {
        var row = jdbc.sql("select last_id, finished_at from search_backfills where name = 'post_links'")
                .query((rs, i) -> rs.getTimestamp("finished_at") == null ? rs.getLong("last_id") : -1L)
                .optional();
        if (row.isEmpty()) return Optional.of(0L);
        return row.get() < 0 ? Optional.empty() : row;
    }

    @Override
    public void backfillReached(long lastId, boolean finished, Instant at) {
        jdbc.sql(
                        """
                        insert into search_backfills (name, last_id, finished_at) values ('post_links', ?, cast(? as timestamptz))
                        on conflict (name) do update set last_id = excluded.last_id, finished_at = excluded.finished_at""")
                .params(lastId, finished ? Timestamp.from(at) : null)
                .update();
    }
}
