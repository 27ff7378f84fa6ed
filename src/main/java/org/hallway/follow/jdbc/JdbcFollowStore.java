package org.hallway.follow.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.audience.AudienceChanges;
import org.hallway.follow.FollowStore;
import org.hallway.shared.KeyCondition;
import org.hallway.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFollowStore implements FollowStore {
    private final JdbcClient jdbc;
    private final AudienceChanges audience;

    JdbcFollowStore(JdbcClient jdbc, AudienceChanges audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public boolean follow(long id, long networkId, long followerId, long followeeId, Instant at) {
        boolean added = jdbc.sql(
                                """
            insert into follows (id, network_id, follower_id, followee_id, created_at) values (?, ?, ?, ?, ?)
            on conflict (follower_id, followee_id) do nothing""")
                        .params(id, networkId, followerId, followeeId, Timestamp.from(at))
                        .update()
                == 1;
        if (added) {
            audience.changedFor(followerId);
            count(networkId, followeeId, 1, 0);
            count(networkId, followerId, 0, 1);
        }
        return added;
    }

    @Override
    public boolean unfollow(long followerId, long followeeId) {
        var network = jdbc.sql("delete from follows where follower_id = ? and followee_id = ? returning network_id")
                .params(followerId, followeeId)
                .query(Long.class)
                .optional();
        network.ifPresent(n -> {
            audience.changedFor(followerId);
            count(n, followeeId, -1, 0);
            count(n, followerId, 0, -1);
        });
        return network.isPresent();
    }

    private void count(long networkId, long accountId, int followers, int following) {
        jdbc.sql(
                        """
            insert into follow_counts (account_id, network_id, followers_count, following_count)
            values (?, ?, greatest(0, ?), greatest(0, ?))
            on conflict (account_id) do update set
              followers_count = greatest(0, follow_counts.followers_count + ?),
              following_count = greatest(0, follow_counts.following_count + ?)""")
                .params(accountId, networkId, followers, following, followers, following)
                .update();
    }

    @Override
    public boolean anyFollowedByMoreThan(long networkId, int followers) {
        return jdbc.sql("select exists (select 1 from follow_counts where followers_count > ? and network_id = ?)")
                .params(followers, networkId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Set<Long> followedByMoreThan(long networkId, int followers) {
        return Set.copyOf(jdbc.sql("select account_id from follow_counts where followers_count > ? and network_id = ?")
                .params(followers, networkId)
                .query(Long.class)
                .list());
    }

    @Override
    public Set<Long> followingAmong(long accountId, Collection<Long> others) {
        if (others.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select followee_id from follows where follower_id = ? and followee_id = any(?)")
                .params(accountId, others.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public boolean setNotify(long followerId, long followeeId, boolean notify) {
        return jdbc.sql("update follows set notify = ? where follower_id = ? and followee_id = ?")
                        .params(notify, followerId, followeeId)
                        .update()
                > 0;
    }

    @Override
    public Set<Long> notifyingAmong(long accountId, Collection<Long> others) {
        if (others.isEmpty()) return Set.of();
        return new HashSet<>(
                jdbc.sql("select followee_id from follows where follower_id = ? and followee_id = any(?) and notify")
                        .params(accountId, others.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    @Override
    public List<Long> notifiedFollowers(long accountId) {
        return jdbc.sql("select follower_id from follows where followee_id = ? and notify")
                .params(accountId)
                .query(Long.class)
                .list();
    }

    @Override
    public Set<Long> followedByAmong(long accountId, Collection<Long> others) {
        if (others.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select follower_id from follows where followee_id = ? and follower_id = any(?)")
                .params(accountId, others.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public List<Edge> followers(long accountId, PageRequest page) {
        return edges("follower_id", "followee_id", accountId, page);
    }

    @Override
    public List<Edge> following(long accountId, PageRequest page) {
        return edges("followee_id", "follower_id", accountId, page);
    }

    private List<Edge> edges(String other, String self, long accountId, PageRequest page) {
        var order = page.ascending() ? "asc" : "desc";
        var edges = jdbc.sql("select id, " + other + " from follows where " + self + " = ? and id < ? and id > ?"
                        + " order by id " + order + " limit ?")
                .params(accountId, page.upperBound(), page.lowerBound(), page.limit())
                .query((rs, n) -> new Edge(rs.getLong(1), rs.getLong(2)))
                .list();
        return page.ascending() ? edges.reversed() : edges;
    }

    @Override
    public Map<Long, Counts> counts(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Map.of();
        var result = new HashMap<Long, Counts>();
        var keys = KeyCondition.of("account_id", accountIds);
        jdbc.sql("select account_id, followers_count, following_count from follow_counts where " + keys.sql())
                .param(keys.parameter())
                .query(rs -> {
                    result.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3)));
                });
        return result;
    }

    @Override
    public boolean followTag(long networkId, long accountId, String tag, Instant at) {
        return jdbc.sql(
                                "insert into tag_follows (network_id, account_id, tag, created_at) values (?, ?, ?, ?) on conflict do nothing")
                        .params(networkId, accountId, tag, Timestamp.from(at))
                        .update()
                == 1;
    }

    @Override
    public boolean unfollowTag(long accountId, String tag) {
        return jdbc.sql("delete from tag_follows where account_id = ? and tag = ?")
                        .params(accountId, tag)
                        .update()
                == 1;
    }

    @Override
    public Set<String> followedTagsAmong(long accountId, Collection<String> tags) {
        if (tags.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select tag from tag_follows where account_id = ? and tag = any(?)")
                .params(accountId, tags.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    @Override
    public List<String> followedTags(long accountId) {
        return jdbc.sql("select tag from tag_follows where account_id = ? order by tag")
                .param(accountId)
                .query(String.class)
                .list();
    }
}
