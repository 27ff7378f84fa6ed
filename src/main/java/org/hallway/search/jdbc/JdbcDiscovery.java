package org.hallway.search.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.follow.MutesAndBlocks;
import org.hallway.search.Discovery;
import org.hallway.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts for trends and suggestions, straight from posts, tags, follows and accounts (read-only). */
@Repository
class JdbcDiscovery implements Discovery {
    private final JdbcClient jdbc;

    JdbcDiscovery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TagDay> tagDays(long networkId, Instant since, String department) {
        return jdbc.sql(
                        """
                        select t.tag, date_trunc('day', p.created_at at time zone 'UTC') as day,
                               count(*) as uses, count(distinct p.author_id) as accounts
                        from post_tags t
                        join posts p on p.id = t.post_id
                        join accounts a on a.id = p.author_id
                        where t.network_id = ? and p.created_at >= ? and p.deleted_at is null
                          and p.visibility in ('public', 'unlisted')
                          and (? = '' or lower(a.department) = lower(?))
                        group by t.tag, day
                        """)
                .params(networkId, Timestamp.from(since), department, department)
                .query((rs, i) -> new TagDay(
                        rs.getString("tag"),
                        rs.getTimestamp("day").toLocalDateTime().toInstant(java.time.ZoneOffset.UTC),
                        rs.getInt("uses"),
                        rs.getInt("accounts")))
                .list();
    }

    @Override
    public List<TagDay> linkDays(long networkId, Instant since, String department) {
        // Same audience as hashtag trends: company-wide posts only, never followers-only, direct or group posts.
        return jdbc.sql(
                        """
                        select l.url, date_trunc('day', p.created_at at time zone 'UTC') as day,
                               count(*) as uses, count(distinct p.author_id) as accounts
                        from post_links l
                        join posts p on p.id = l.post_id
                        join accounts a on a.id = p.author_id
                        where l.network_id = ? and l.created_at >= ? and p.deleted_at is null
                          and p.visibility in ('public', 'unlisted')
                          and (? = '' or lower(a.department) = lower(?))
                        group by l.url, day
                        """)
                .params(networkId, Timestamp.from(since), department, department)
                .query((rs, i) -> new TagDay(
                        rs.getString("url"),
                        rs.getTimestamp("day").toLocalDateTime().toInstant(java.time.ZoneOffset.UTC),
                        rs.getInt("uses"),
                        rs.getInt("accounts")))
                .list();
    }

    @Override
    public List<PostEngagement> postEngagement(
            long networkId, long viewerId, Instant since, Instant recentSince, String department) {
        // Ids grow with time: the id bounds let the primary keys find the last days' likes and reposts;
        // the times decide. Visibility.visibleTo stays in the query, although only public posts qualify.
        long fromId = Ids.floorOf(since.toEpochMilli());
        return jdbc.sql(
                        """
                        with engaged as (
                          select f.post_id, f.account_id, f.created_at from favourites f
                          where f.network_id = :network and f.id >= :fromId and f.created_at >= :since
                          union all
                          select r.reblog_of_id, r.author_id, r.created_at from posts r
                          where r.network_id = :network and r.id >= :fromId and r.created_at >= :since
                            and r.reblog_of_id is not null and r.deleted_at is null
                        )
                        select p.id, p.created_at, count(*) filter (where e.created_at >= :recent) as recent,
                               count(*) filter (where e.created_at < :recent) as earlier
                        from engaged e
                        join posts p on p.id = e.post_id
                        where p.id >= :fromId and p.created_at >= :since and p.visibility = 'public'
                          and p.reblog_of_id is null and p.in_reply_to_id is null and p.group_id is null
                          and e.account_id <> p.author_id
                          and (:department = '' or exists (select 1 from accounts a where a.id = p.author_id
                                                           and lower(a.department) = lower(:department)))
                          and p.author_id not in (%s)
                          and %s
                        group by p.id
                        """
                                .formatted(MutesAndBlocks.HIDDEN_AUTHORS, Visibility.visibleTo("p")))
                .param("network", networkId)
                .param("viewer", viewerId)
                .param("fromId", fromId)
                .param("since", Timestamp.from(since))
                .param("recent", Timestamp.from(recentSince))
                .param("department", department)
                .query((rs, i) ->
                        new PostEngagement(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    @Override
    public List<Candidate> followCandidates(long networkId, long accountId, int limit) {
        return jdbc.sql(
                        """
                        with me as (select id, manager_id, department from accounts where id = ? and network_id = ?),
                        followed as (select followee_id from follows where follower_id = ?),
                        scored as (
                          select a.id, 'team' as source, 3 as strength from accounts a, me
                          where a.network_id = ? and (a.id = me.manager_id or a.manager_id = me.id
                                or (me.manager_id is not null and a.manager_id = me.manager_id))
                          union all
                          select a.id, 'department', 2 from accounts a, me
                          where a.network_id = ? and me.department <> '' and lower(a.department) = lower(me.department)
                          union all
                          select f.followee_id, 'followed_by_followees', 1 from follows f
                          where f.follower_id in (select followee_id from followed) and f.network_id = ?
                        )
                        select s.id, (array_agg(s.source order by s.strength desc))[1] as source, sum(s.strength) as strength
                        from scored s join accounts a on a.id = s.id
                        where s.id <> ? and a.active and s.id not in (select followee_id from followed)
                        group by s.id
                        order by strength desc, s.id
                        limit ?
                        """)
                .params(accountId, networkId, accountId, networkId, networkId, networkId, accountId, limit)
                .query((rs, i) -> new Candidate(rs.getLong("id"), rs.getString("source"), rs.getInt("strength")))
                .list();
    }
}
