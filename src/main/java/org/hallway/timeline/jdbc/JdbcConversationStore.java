package org.hallway.timeline.jdbc;

import static org.hallway.audience.Visibility.visibleTo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ConversationStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcConversationStore implements ConversationStore {
    private final JdbcClient jdbc;

    JdbcConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void file(
            long id, long networkId, long accountId, List<Long> participants, long postId, boolean unread, Instant at) {
        jdbc.sql(
                        """
            insert into conversations (id, network_id, account_id, participants, last_post_id, unread, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, participants) do update
              set last_post_id = greatest(conversations.last_post_id, excluded.last_post_id),
                  unread = excluded.unread, updated_at = excluded.updated_at""")
                .params(id, networkId, accountId, participants.toArray(Long[]::new), postId, unread, Timestamp.from(at))
                .update();
    }

    @Override
    public List<Conversation> inbox(Viewer viewer, PageRequest page) {
        var order = page.ascending() ? "asc" : "desc";
        var list = jdbc.sql("select * from conversations where account_id = :viewer and network_id = :network"
                        + " and last_post_id < :max and last_post_id > :min order by last_post_id " + order
                        + " limit :limit")
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .param("max", page.upperBound())
                .param("min", page.lowerBound())
                .param("limit", page.limit())
                .query(JdbcConversationStore::map)
                .list();
        return page.ascending() ? list.reversed() : list;
    }

    @Override
    public Optional<Conversation> find(Viewer viewer, long id) {
        return jdbc.sql("select * from conversations where id = ? and account_id = ?")
                .params(id, viewer.accountId())
                .query(JdbcConversationStore::map)
                .optional();
    }

    @Override
    public Optional<Conversation> findAmong(Viewer viewer, List<Long> participants) {
        return jdbc.sql("select * from conversations where account_id = ? and participants = ?")
                .params(viewer.accountId(), participants.toArray(Long[]::new))
                .query(JdbcConversationStore::map)
                .optional();
    }

    @Override
    public void markRead(Viewer viewer, long id) {
        jdbc.sql("update conversations set unread = false where id = ? and account_id = ?")
                .params(id, viewer.accountId())
                .update();
    }

    @Override
    public boolean remove(Viewer viewer, long id) {
        return jdbc.sql("delete from conversations where id = ? and account_id = ?")
                        .params(id, viewer.accountId())
                        .update()
                > 0;
    }

    @Override
    public List<Long> messages(Viewer viewer, List<Long> participants, int limit) {
        // A message belongs to the conversation whose participant set is its author plus its mentions.
        return jdbc.sql(
                        """
            select p.id from posts p
            where p.visibility = 'direct'
              and (p.author_id = :viewer or exists (select 1 from post_mentions o where o.post_id = p.id and o.account_id = :viewer))
              and (select array_agg(x order by x) from (
                     select p.author_id union select m.account_id from post_mentions m where m.post_id = p.id) s(x))
                  = cast(:participants as bigint[])
              and """
                                + visibleTo("p") + " order by p.id desc limit :limit")
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .param("participants", participants.toArray(Long[]::new))
                .param("limit", limit)
                .query(Long.class)
                .list()
                .reversed();
    }

    private static Conversation map(ResultSet rs, int row) throws SQLException {
        var participants = (Long[]) rs.getArray("participants").getArray();
        return new Conversation(
                rs.getLong("id"),
                rs.getLong("account_id"),
                Arrays.asList(participants),
                rs.getLong("last_post_id"),
                rs.getBoolean("unread"));
    }
}
