package org.hallway.timeline.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hallway.timeline.FeedStore.FanOut;
import org.hallway.timeline.FeedStore.Held;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fan-out of a committed batch of posts into the home feeds that hold them (ADRs 0045, 0051, 0055).
 *
 * <p>One statement for every entry of the batch and every recipient whose feed is kept (ADR 0055): the
 * author, their followers (unless the author has too many: those read them at read time), followers
 * of the post's hashtags when it is company-wide, the members of its group (read from group_members
 * as follows are read from follows), the participants of a direct message. Reading still applies
 * the audience predicate. Rows go in in reader order, so the feed's indexes are walked once, in one
 * direction (and concurrent batches take their row locks in the same order). The fan-out limit is
 * decided once per entry, before the join: an author above it has their follows never read. A post
 * reaches a feed once (ADR 0051): within the batch the first arrival wins, a repost is not added
 * where its original is, and one repost where another of the same post is (the repost key). An
 * original is new, so no repost of it can be in a feed yet.
 *
 * <p>It returns the rows it wrote: the feeds that now hold each entry, and held nothing of it before.
 *
 * <p>Entries named to go to the live readers first (ADR 0066) go only to the feeds of the {@code live}
 * readers; a later run without them brings them to every other feed.
 */
final class FanOutStatement {
    private static final String FOLLOWERS =
            """
              union
              select e.entry_id, f.follower_id from e join follows f on f.followee_id = e.author_id
              where e.to_followers""";

    /**
     * The followers of a batch with entries for the live readers first: those entries' followers are
     * kept to the live readers as they are read, rather than all of them going through the union, the
     * join with the kept feeds and the sort before the filter: such an author has thousands of
     * followers, and few of them listen live (ADR 0066).
     */
    private static final String FOLLOWERS_LIVE_FIRST =
            """
              union
              select e.entry_id, f.follower_id from e join follows f on f.followee_id = e.author_id
              where e.to_followers and e.entry_id <> all(:liveFirst)
              union
              select e.entry_id, f.follower_id
              from e join follows f on f.followee_id = e.author_id and f.follower_id = any(:live)
              where e.to_followers and e.entry_id = any(:liveFirst)""";

    private static final String TAG_FOLLOWERS =
            """
              union
              select e.entry_id, t.account_id
              from e join unnest(:tagEntries, :tags) as et(entry_id, tag) on et.entry_id = e.entry_id
                join tag_follows t on t.network_id = e.network_id and t.tag = et.tag
              where e.company_wide""";
    private static final String GROUP_MEMBERS =
            """
              union
              select e.entry_id, m.account_id from e join group_members m on m.group_id = e.group_id""";
    private static final String ACCOUNTS =
            """
              union
              select e.entry_id, a.id
              from e join unnest(:accountEntries, :accounts) as ea(entry_id, account_id) on ea.entry_id = e.entry_id
                join accounts a on a.id = ea.account_id and a.network_id = e.network_id""";

    private static final String LIVE_FIRST =
            """

              and (e.entry_id <> all(:liveFirst) or r.account_id in (select unnest(:live)))""";

    private FanOutStatement() {}

    static List<Held> run(
            JdbcClient jdbc, List<FanOut> entries, int fanOutLimit, Set<Long> liveFirst, Collection<Long> live) {
        int n = entries.size();
        var entry = new Long[n];
        var post = new Long[n];
        var author = new Long[n];
        var network = new Long[n];
        var followers = new Boolean[n];
        var companyWide = new Boolean[n];
        var group = new Long[n];
        var tagEntries = new ArrayList<Long>();
        var tags = new ArrayList<String>();
        var accountEntries = new ArrayList<Long>();
        var accounts = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            var e = entries.get(i);
            entry[i] = e.entryId();
            post[i] = e.postId();
            author[i] = e.authorId();
            network[i] = e.networkId();
            followers[i] = e.recipients().followers();
            companyWide[i] = e.recipients().tagFollowers();
            group[i] = e.recipients().groupId() == null ? -1L : e.recipients().groupId();
            if (e.recipients().tagFollowers())
                for (var tag : e.tags()) {
                    tagEntries.add(e.entryId());
                    tags.add(tag);
                }
            for (var account : e.recipients().accounts()) {
                accountEntries.add(e.entryId());
                accounts.add(account);
            }
        }
        var statement = jdbc.sql(
                """
            with e as materialized (
              select u.*, u.followers
                  and coalesce((select c.followers_count from follow_counts c where c.account_id = u.author_id), 0) <= :limit
                  as to_followers
              from unnest(:entry, :post, :author, :network, :followers, :companyWide, :group)
                as u(entry_id, post_id, author_id, network_id, followers, company_wide, group_id)
            ), r as (
              select e.entry_id, e.author_id as account_id from e"""
                        + recipients(followers, tagEntries, group, accountEntries, !liveFirst.isEmpty())
                        + """
            )
            insert into home_feed (account_id, entry_id, post_id, network_id)
            select distinct on (r.account_id, e.post_id) r.account_id, e.entry_id, e.post_id, e.network_id
            from r join e on e.entry_id = r.entry_id join kept_home_feeds k on k.account_id = r.account_id
            where (e.entry_id = e.post_id
              or not exists (select 1 from home_feed h where h.account_id = r.account_id and h.entry_id = e.post_id))"""
                        + (liveFirst.isEmpty() ? "" : LIVE_FIRST)
                        + """

            order by r.account_id, e.post_id, e.entry_id
            on conflict do nothing
            returning account_id, entry_id""");
        if (!liveFirst.isEmpty())
            statement = statement
                    .param("liveFirst", liveFirst.toArray(Long[]::new))
                    .param("live", live.toArray(Long[]::new));
        return statement
                .param("entry", entry)
                .param("post", post)
                .param("author", author)
                .param("network", network)
                .param("followers", followers)
                .param("companyWide", companyWide)
                .param("group", group)
                .param("limit", fanOutLimit)
                .param("tagEntries", tagEntries.toArray(Long[]::new))
                .param("tags", tags.toArray(String[]::new))
                .param("accountEntries", accountEntries.toArray(Long[]::new))
                .param("accounts", accounts.toArray(Long[]::new))
                .query((rs, row) -> new Held(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /**
     * The kinds of recipient beyond the author that some entry of the batch has. PostgreSQL plans the
     * statement for each batch (a generic plan could not know which authors have many followers); a
     * branch no entry needs is left out rather than planned and found empty: a quarter less planning for
     * the commonest batch, posts to followers with a hashtag, half for those without.
     */
    private static String recipients(
            Boolean[] followers, List<Long> tagEntries, Long[] group, List<Long> accountEntries, boolean liveFirst) {
        var sql = new StringBuilder();
        if (Arrays.asList(followers).contains(Boolean.TRUE))
            sql.append('\n').append(liveFirst ? FOLLOWERS_LIVE_FIRST : FOLLOWERS);
        if (!tagEntries.isEmpty()) sql.append('\n').append(TAG_FOLLOWERS);
        if (Arrays.stream(group).anyMatch(g -> g != -1L)) sql.append('\n').append(GROUP_MEMBERS);
        if (!accountEntries.isEmpty()) sql.append('\n').append(ACCOUNTS);
        return sql.toString();
    }
}
