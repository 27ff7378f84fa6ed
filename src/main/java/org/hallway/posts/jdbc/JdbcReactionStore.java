package org.hallway.posts.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hallway.posts.ReactionStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReactionStore implements ReactionStore {
    private final JdbcClient jdbc;

    JdbcReactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Kind kind, long id, long networkId, long accountId, long postId, Instant at) {
        return jdbc.sql("insert into " + table(kind) + " (id, network_id, account_id, post_id, created_at)"
                                + " values (?, ?, ?, ?, ?) on conflict (account_id, post_id) do nothing")
                        .params(id, networkId, accountId, postId, Timestamp.from(at))
                        .update()
                == 1;
    }

    @Override
    public boolean remove(Kind kind, long accountId, long postId) {
        return jdbc.sql("delete from " + table(kind) + " where account_id = ? and post_id = ?")
                        .params(accountId, postId)
                        .update()
                == 1;
    }

    @Override
    public List<Long> accountsReacting(Kind kind, long postId, int limit) {
        return jdbc.sql("select account_id from " + table(kind) + " where post_id = ? order by id desc limit ?")
                .params(postId, limit)
                .query(Long.class)
                .list();
    }

    @Override
    public List<Long> accountsReposting(long postId, int limit) {
        return jdbc.sql(
                        "select author_id from posts where reblog_of_id = ? and deleted_at is null order by id desc limit ?")
                .params(postId, limit)
                .query(Long.class)
                .list();
    }

    private static String table(Kind kind) {
        return switch (kind) {
            case FAVOURITE -> "favourites";
            case BOOKMARK -> "bookmarks";
        };
    }
}
