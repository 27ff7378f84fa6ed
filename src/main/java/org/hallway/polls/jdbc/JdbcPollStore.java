package org.hallway.polls.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.polls.PollStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPollStore implements PollStore {
    private static final String COLUMNS = "p.id, p.network_id, p.post_id, p.author_id, p.options, p.option_votes,"
            + " p.multiple, p.hide_totals, p.expires_at, p.ended_at, p.votes_count, p.voters_count";

    private final JdbcClient jdbc;

    JdbcPollStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Stored p, Instant createdAt) {
        return jdbc.sql(
                                """
            insert into polls (id, network_id, post_id, author_id, options, option_votes, multiple, hide_totals,
              expires_at, created_at)
            values (:id, :network, :post, :author, :options, :votes, :multiple, :hide, :expires, :created)
            on conflict (post_id) do nothing""")
                        .param("id", p.id())
                        .param("network", p.networkId())
                        .param("post", p.postId())
                        .param("author", p.authorId())
                        .param("options", p.options().toArray(String[]::new))
                        .param("votes", p.optionVotes().toArray(Integer[]::new))
                        .param("multiple", p.multiple())
                        .param("hide", p.hideTotals())
                        .param("expires", Timestamp.from(p.expiresAt()))
                        .param("created", Timestamp.from(createdAt))
                        .update()
                > 0;
    }

    @Override
    public Optional<Stored> lock(long networkId, long pollId) {
        return jdbc.sql("select " + COLUMNS + " from polls p where p.network_id = ? and p.id = ? for update")
                .params(networkId, pollId)
                .query(JdbcPollStore::map)
                .optional();
    }

    @Override
    public Optional<Stored> find(long networkId, long pollId) {
        return jdbc.sql("select " + COLUMNS + " from polls p where p.network_id = ? and p.id = ?")
                .params(networkId, pollId)
                .query(JdbcPollStore::map)
                .optional();
    }

    @Override
    public List<Integer> choices(long pollId, long accountId) {
        return jdbc.sql("select choice from poll_votes where poll_id = ? and account_id = ? order by choice")
                .params(pollId, accountId)
                .query(Integer.class)
                .list();
    }

    @Override
    public void vote(long networkId, long pollId, long accountId, List<Integer> choices, Instant at) {
        for (var choice : choices) {
            jdbc.sql(
                            """
                insert into poll_votes (poll_id, account_id, choice, network_id, created_at)
                values (?, ?, ?, ?, ?)""")
                    .params(pollId, accountId, choice, networkId, Timestamp.from(at))
                    .update();
        }
        // option_votes is 1-based in SQL; choices are 0-based indexes into the options.
        jdbc.sql(
                        """
            update polls set
              option_votes = array(select v + case when i - 1 = any(:choices) then 1 else 0 end
                                   from unnest(option_votes) with ordinality as t(v, i) order by i),
              votes_count = votes_count + :n,
              voters_count = voters_count + 1
            where id = :poll""")
                .param("choices", choices.toArray(Integer[]::new))
                .param("n", choices.size())
                .param("poll", pollId)
                .update();
    }

    @Override
    public Map<Long, Reading> forPosts(long networkId, long readerId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return Map.of();
        var result = new HashMap<Long, Reading>();
        jdbc.sql("select " + COLUMNS + ", array(select v.choice::int from poll_votes v where v.poll_id = p.id"
                        + " and v.account_id = :reader order by v.choice) as own"
                        + " from polls p where p.network_id = :network and p.post_id = any(:posts)")
                .param("reader", readerId)
                .param("network", networkId)
                .param("posts", postIds.toArray(Long[]::new))
                .query(rs -> {
                    var poll = map(rs, 0);
                    result.put(poll.postId(), new Reading(poll, ints(rs, "own")));
                });
        return result;
    }

    @Override
    public List<Stored> endDue(Instant now, int limit) {
        return jdbc.sql(
                        """
            update polls p set ended_at = :now
            where p.id in (select id from polls where ended_at is null and expires_at <= :now
                           order by expires_at limit :limit for update skip locked)
            returning\s"""
                                + COLUMNS)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcPollStore::map)
                .list();
    }

    @Override
    public List<Long> voterIds(long pollId) {
        return jdbc.sql("select distinct account_id from poll_votes where poll_id = ?")
                .param(pollId)
                .query(Long.class)
                .list();
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        var ended = rs.getTimestamp("ended_at");
        return new Stored(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("post_id"),
                rs.getLong("author_id"),
                List.of((String[]) rs.getArray("options").getArray()),
                ints(rs, "option_votes"),
                rs.getBoolean("multiple"),
                rs.getBoolean("hide_totals"),
                rs.getTimestamp("expires_at").toInstant(),
                ended == null ? null : ended.toInstant(),
                rs.getInt("votes_count"),
                rs.getInt("voters_count"));
    }

    private static List<Integer> ints(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((Integer[]) rs.getArray(column).getArray());
    }
}
