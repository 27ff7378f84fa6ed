package org.hallway.posts.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.hallway.posts.ConversationMuteStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConversationMuteStore implements ConversationMuteStore {
    /** Threads deeper than this are cut, as the thread view cuts them. */
    private static final int DEPTH = 4096;

    private final JdbcClient jdbc;

    JdbcConversationMuteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long rootOf(long postId) {
        return jdbc.sql(
                        """
            with recursive up(id, parent, depth) as (
              select id, in_reply_to_id, 0 from posts where id = :post
              union all
              select p.id, p.in_reply_to_id, up.depth + 1 from posts p join up on p.id = up.parent
              where up.depth < :cap
            )
            select id from up order by depth desc limit 1""")
                .param("post", postId)
                .param("cap", DEPTH)
                .query(Long.class)
                .optional()
                .orElse(postId);
    }

    @Override
    public void mute(long networkId, long accountId, long rootId, Instant at) {
        jdbc.sql(
                        """
            insert into conversation_mutes (account_id, root_id, network_id, created_at) values (?, ?, ?, ?)
            on conflict do nothing""")
                .params(accountId, rootId, networkId, Timestamp.from(at))
                .update();
    }

    @Override
    public void unmute(long accountId, long rootId) {
        jdbc.sql("delete from conversation_mutes where account_id = ? and root_id = ?")
                .params(accountId, rootId)
                .update();
    }

    @Override
    public boolean mutesAny(long accountId) {
        return jdbc.sql("select exists (select 1 from conversation_mutes where account_id = ?)")
                .param(accountId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Set<Long> mutedAmong(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql(
                        """
            with recursive up(start, id, parent, depth) as (
              select id, id, in_reply_to_id, 0 from posts where id = any(:posts)
              union all
              select up.start, p.id, p.in_reply_to_id, up.depth + 1 from posts p join up on p.id = up.parent
              where up.depth < :cap
            )
            select distinct up.start from up join conversation_mutes m on m.root_id = up.id
            where up.parent is null and m.account_id = :account""")
                .param("posts", postIds.toArray(Long[]::new))
                .param("cap", DEPTH)
                .param("account", accountId)
                .query(Long.class)
                .list());
    }
}
