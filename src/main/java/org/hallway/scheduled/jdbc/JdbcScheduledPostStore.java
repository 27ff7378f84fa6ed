package org.hallway.scheduled.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.polls.PollDraft;
import org.hallway.posts.CreatePost;
import org.hallway.scheduled.ScheduledPost;
import org.hallway.scheduled.ScheduledPostStore;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcScheduledPostStore implements ScheduledPostStore {
    private final JdbcClient jdbc;

    JdbcScheduledPostStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ScheduledPost s) {
        var c = s.post();
        var poll = c.poll();
        jdbc.sql(
                        """
            insert into scheduled_posts (id, network_id, author_id, scheduled_at, text, visibility, in_reply_to_id,
              spoiler_text, sensitive, language, group_id, idempotency_key, poll_options, poll_expires_in,
              poll_multiple, poll_hide_totals, created_at, media_ids)
            values (:id, :network, :author, :at, :text, :visibility, :reply, :spoiler, :sensitive, :language, :group,
              :key, :options, :expires, :multiple, :hide, :created, :media)""")
                .param("id", s.id())
                .param("network", s.networkId())
                .param("author", s.authorId())
                .param("at", Timestamp.from(s.scheduledAt()))
                .param("text", c.text())
                .param("visibility", c.visibility())
                .param("reply", c.inReplyToId())
                .param("spoiler", c.spoilerText())
                .param("sensitive", c.sensitive())
                .param("language", c.language())
                .param("group", c.groupId())
                .param("key", c.idempotencyKey())
                .param("options", poll == null ? null : poll.options().toArray(String[]::new))
                .param("expires", poll == null ? null : poll.expiresInSeconds())
                .param("multiple", poll != null && poll.multiple())
                .param("hide", poll != null && poll.hideTotals())
                .param("created", Timestamp.from(s.createdAt()))
                .param("media", s.mediaIds().toArray(Long[]::new))
                .update();
    }

    @Override
    public Optional<ScheduledPost> find(long authorId, long id) {
        return jdbc.sql("select * from scheduled_posts where author_id = ? and id = ?")
                .params(authorId, id)
                .query(JdbcScheduledPostStore::map)
                .optional();
    }

    @Override
    public List<ScheduledPost> page(long authorId, PageRequest page) {
        return jdbc.sql(
                        """
            select * from (
              select * from scheduled_posts where author_id = :author and id < :max and id > :min
              order by id %s limit :limit) s
            order by id desc"""
                                .formatted(page.ascending() ? "asc" : "desc"))
                .param("author", authorId)
                .param("max", page.upperBound())
                .param("min", page.lowerBound())
                .param("limit", page.limit())
                .query(JdbcScheduledPostStore::map)
                .list();
    }

    @Override
    public int count(long authorId) {
        return jdbc.sql("select count(*) from scheduled_posts where author_id = ?")
                .param(authorId)
                .query(Integer.class)
                .single();
    }

    @Override
    public void reschedule(long id, Instant at) {
        jdbc.sql("update scheduled_posts set scheduled_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    @Override
    public boolean delete(long id) {
        return jdbc.sql("delete from scheduled_posts where id = ?").param(id).update() > 0;
    }

    @Override
    public Optional<ScheduledPost> lockNextDue(Instant now) {
        return jdbc.sql(
                        """
            select * from scheduled_posts where scheduled_at <= ?
            order by scheduled_at, id limit 1 for update skip locked""")
                .param(Timestamp.from(now))
                .query(JdbcScheduledPostStore::map)
                .optional();
    }

    private static ScheduledPost map(ResultSet rs, int row) throws SQLException {
        var options = rs.getArray("poll_options");
        var poll = options == null
                ? null
                : new PollDraft(
                        List.of((String[]) options.getArray()),
                        rs.getLong("poll_expires_in"),
                        rs.getBoolean("poll_multiple"),
                        rs.getBoolean("poll_hide_totals"));
        var command = new CreatePost.Command(
                rs.getString("text"),
                nullableLong(rs, "in_reply_to_id"),
                rs.getString("visibility"),
                rs.getString("spoiler_text"),
                rs.getBoolean("sensitive"),
                rs.getString("language"),
                rs.getString("idempotency_key"),
                nullableLong(rs, "group_id"),
                poll);
        return new ScheduledPost(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("author_id"),
                rs.getTimestamp("scheduled_at").toInstant(),
                command,
                rs.getTimestamp("created_at").toInstant(),
                List.of((Long[]) rs.getArray("media_ids").getArray()));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
