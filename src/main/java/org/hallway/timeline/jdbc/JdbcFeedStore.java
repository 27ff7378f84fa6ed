package org.hallway.timeline.jdbc;

import static org.hallway.audience.Visibility.visibleTo;
import static org.hallway.follow.MutesAndBlocks.postNotHidden;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hallway.follow.MutesAndBlocks;
import org.hallway.shared.GenericPlan;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Unhurried;
import org.hallway.shared.Viewer;
import org.hallway.timeline.FeedStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFeedStore implements FeedStore {
    private static final int THREAD_LIMIT = 4096;

    /** Posts by members of the reader's exclusive lists are read in those lists, not in the home feed. */
    private static final String NOT_IN_EXCLUSIVE_LIST = "(p.author_id = :viewer or not exists (select 1 from"
            + " list_members xm join lists xl on xl.id = xm.list_id where xm.account_id = p.author_id"
            + " and xl.account_id = :viewer and xl.exclusive))";

    /**
     * {@link #homeAmong}'s selections by fan-out limit: newest first and oldest first, with and without
     * the branch of widely followed authors. Made once: it is the hottest read.
     */
    private final Map<Integer, String[]> homeAmong = new ConcurrentHashMap<>();

    /** A post and a reader whose home feed shows it. */
    private record ShownTo(long postId, long reader) {}

    /** {@link #homeReaders}'s statement by fan-out limit. */
    private final Map<Integer, String> homeReaders = new ConcurrentHashMap<>();

    /**
     * Whether a reader's feed holds a post, as itself or as a repost: the primary key and the repost key
     * (ADR 0051) between them hold each once. Both are SQL expressions, never input.
     */
    private static String holds(String reader, String post) {
        return "(exists (select 1 from home_feed h where h.account_id = " + reader + " and h.entry_id = " + post
                + ") or exists (select 1 from home_feed h where h.account_id = " + reader + " and h.post_id = "
                + post + " and h.entry_id <> h.post_id))";
    }

    private final JdbcClient jdbc;

    JdbcFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Held> fanOut(List<FanOut> entries, int fanOutLimit, Set<Long> liveFirst, Collection<Long> live) {
        return entries.isEmpty() ? List.of() : FanOutStatement.run(jdbc, entries, fanOutLimit, liveFirst, live);
    }

    /** Commits on its own without waiting for the disk: a lost note costs a rebuild (ADR 0073). */
    @Override
    public boolean keep(long networkId, long accountId, Instant at) {
        return Unhurried.statement(
                        jdbc,
                        """
            insert into kept_home_feeds (account_id, network_id, read_at, rebuild_owed)
            select :account, :network, :at, true from unhurried
            on conflict (account_id) do update set read_at = excluded.read_at
            returning rebuild_owed""")
                .param("account", accountId)
                .param("network", networkId)
                .param("at", Timestamp.from(at))
                .query(Boolean.class)
                .single();
    }

    @Override
    public void rebuild(long networkId, long accountId, int capacity, int fanOutLimit) {
        // Claims the rebuild: a concurrent read's rebuild waits for this row and then finds nothing owed.
        int owed = jdbc.sql("update kept_home_feeds set rebuild_owed = false where account_id = ? and rebuild_owed")
                .param(accountId)
                .update();
        if (owed == 0) return;
        // Lost in a crash, the rebuild is lost with its claim, and the next read rebuilds (ADR 0073).
        Unhurried.thisTransaction(jdbc);
        jdbc.sql("delete from home_feed where account_id = ?").param(accountId).update();
        // The fan-out's sources, each walked newest first by its index and cut at the capacity; of them
        // the newest entries, each post once, by its first arrival (the original where it is among
        // them: ADR 0051). Reading decides audience, mutes and exclusive lists, as for fanned-out rows.
        jdbc.sql(
                        """
            insert into home_feed (account_id, entry_id, post_id, network_id)
            select :viewer, s.id, s.post_id, :network from (
              select distinct on (c.post_id) c.id, c.post_id from (
                (select p.id, coalesce(p.reblog_of_id, p.id) as post_id from posts p
                 where p.network_id = :network and p.author_id = :viewer and p.deleted_at is null
                 order by p.id desc limit :cap)
                union all
                (select p.id, coalesce(p.reblog_of_id, p.id) from posts p
                 where p.network_id = :network and p.deleted_at is null and p.author_id in (
                     select f.followee_id from follows f where f.follower_id = :viewer and coalesce(
                       (select c.followers_count from follow_counts c where c.account_id = f.followee_id), 0) <= :limit)
                   and (p.visibility not in ('group', 'direct') or p.reblog_of_id is not null and p.visibility = 'group')
                 order by p.id desc limit :cap)
                union all
                (select p.id, p.id from group_members m join posts p on p.group_id = m.group_id
                 where m.account_id = :viewer and p.reblog_of_id is null and p.deleted_at is null
                 order by p.id desc limit :cap)
                union all
                (select p.id, p.id from tag_follows t
                   join post_tags pt on pt.network_id = t.network_id and pt.tag = t.tag
                   join posts p on p.id = pt.post_id
                 where t.account_id = :viewer and p.visibility = 'public' and p.reblog_of_id is null
                   and p.deleted_at is null
                 order by p.id desc limit :cap)
                union all
                (select p.id, p.id from post_mentions m join posts p on p.id = m.post_id
                 where m.account_id = :viewer and p.visibility = 'direct' and p.deleted_at is null
                 order by p.id desc limit :cap)
              ) c
              order by c.post_id, c.id
            ) s
            order by s.id desc limit :cap
            on conflict do nothing""")
                .param("viewer", accountId)
                .param("network", networkId)
                .param("cap", capacity)
                .param("limit", fanOutLimit)
                .update();
    }

    @Override
    public List<Long> letGo(Instant before, int limit) {
        return jdbc.sql(
                        """
            with gone as (
              delete from kept_home_feeds where account_id in (
                select account_id from kept_home_feeds where read_at < :before
                order by read_at limit :limit for update skip locked)
              returning account_id
            ), entries as (
              delete from home_feed h using gone where h.account_id = gone.account_id
            )
            select account_id from gone""")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    @Override
    public void letGo(long accountId) {
        jdbc.sql("delete from kept_home_feeds where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from home_feed where account_id = ?").param(accountId).update();
    }

    @Override
    public void backfillGroup(long networkId, long accountId, long groupId, int count) {
        jdbc.sql(
                        """
            insert into home_feed (account_id, entry_id, post_id, network_id)
            select :viewer, g.id, g.id, :network from (
              select p.id from posts p
              where p.group_id = :group and p.reblog_of_id is null and """
                                + visibleTo("p")
                                + """
               order by p.id desc limit :count
            ) g
            where exists (select 1 from kept_home_feeds k where k.account_id = :viewer) and\s"""
                                + "not " + holds(":viewer", "g.id")
                                + """
            on conflict do nothing""")
                .param("viewer", accountId)
                .param("network", networkId)
                .param("group", groupId)
                .param("count", count)
                .update();
    }

    @Override
    public void removeGroup(long accountId, long groupId) {
        jdbc.sql(
                        """
            delete from home_feed h using posts p
            where h.account_id = ? and p.id = h.entry_id and p.group_id = ? and p.author_id <> ?""")
                .params(accountId, groupId, accountId)
                .update();
    }

    @Override
    public List<Long> pinned(Viewer viewer, long groupId) {
        return jdbc.sql(
                        "select p.id from group_pins gp join posts p on p.id = gp.post_id where gp.group_id = :group and "
                                + visibleTo("p") + " order by gp.created_at desc, p.id desc limit 20")
                .param("group", groupId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Long.class)
                .list();
    }

    @Override
    public List<Entry> group(Viewer viewer, long groupId, PageRequest page) {
        return page(
                """
        select p.id as cursor, p.id as post_id from posts p
        where p.group_id = :group and p.reblog_of_id is null and p.id < :max and p.id > :min and """
                        + visibleTo("p") + " and " + postNotHidden("p"),
                viewer,
                page,
                Map.of("group", groupId));
    }

    @Override
    public void backfill(long networkId, long followerId, long followeeId, int count) {
        jdbc.sql(
                        """
            insert into home_feed (account_id, entry_id, post_id, network_id)
            select distinct on (b.post_id) :viewer, b.id, b.post_id, :network from (
              select p.id, coalesce(p.reblog_of_id, p.id) as post_id from posts p
              where p.author_id = :author and p.visibility not in ('group', 'direct') and """
                                + visibleTo("p")
                                + """
               order by p.id desc limit :count
            ) b
            where exists (select 1 from kept_home_feeds k where k.account_id = :viewer) and\s"""
                                + "not " + holds(":viewer", "b.post_id")
                                + """
            order by b.post_id, b.id
            on conflict do nothing""")
                .param("viewer", followerId)
                .param("network", networkId)
                .param("author", followeeId)
                .param("count", count)
                .update();
    }

    @Override
    public void removeAuthor(long followerId, long authorId) {
        jdbc.sql(
                        """
            delete from home_feed h using posts p
            where h.account_id = ? and p.id = h.entry_id and p.author_id = ?""")
                .params(followerId, authorId)
                .update();
    }

    @Override
    public void removeEntries(List<Long> entryIds) {
        if (entryIds.isEmpty()) return;
        jdbc.sql("delete from home_feed where entry_id = any(?)")
                .param(entryIds.toArray(Long[]::new))
                .update();
    }

    /** Feeds one trim statement cuts: each statement stays short, however many readers there are. */
    private static final int TRIM_READERS = 200;

    /** What one trim statement did: the last reader it looked at (none: all were done), rows deleted. */
    private record TrimmedChunk(Long lastReader, int removed) {}

    @Override
    public int trim(int capacity) {
        // Reader by reader, a chunk per statement: each feed's primary key is walked back past its
        // capacity, and what lies beyond that entry is deleted. Feeds within their capacity cost one short
        // index walk; nothing reads the whole table, and no statement holds its rows for long.
        int removed = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var chunk = jdbc.sql(
                            """
                with readers as (
                  select account_id from kept_home_feeds where account_id > :after order by account_id limit :readers
                ), cut as (
                  select r.account_id, c.entry_id from readers r cross join lateral (
                    select f.entry_id from home_feed f where f.account_id = r.account_id
                    order by f.entry_id desc offset :cap limit 1) c
                ), gone as (
                  delete from home_feed h using cut where h.account_id = cut.account_id and h.entry_id <= cut.entry_id
                  returning 1
                )
                select (select max(account_id) from readers) as last, (select count(*) from gone) as removed""")
                    .param("after", after)
                    .param("readers", TRIM_READERS)
                    .param("cap", capacity)
                    .query((rs, n) -> new TrimmedChunk(rs.getObject("last", Long.class), rs.getInt("removed")))
                    .single();
            removed += chunk.removed();
            if (chunk.lastReader() == null) return removed;
            after = chunk.lastReader();
        }
    }

    @Override
    public List<Entry> home(Viewer viewer, PageRequest page, int fanOutLimit) {
        // Each branch is ordered and limited on its own, so PostgreSQL walks the feed's primary key and
        // stops after one page instead of reading the whole capped feed before sorting.
        var order = page.ascending() ? "asc" : "desc";
        return page(
                "(select h.entry_id as cursor, h.entry_id as post_id from home_feed h join posts p on p.id = h.entry_id"
                        + " where h.account_id = :viewer and h.entry_id < :max and h.entry_id > :min and "
                        + visibleTo("p") + " and " + postNotHidden("p") + " and " + NOT_IN_EXCLUSIVE_LIST
                        + " order by h.entry_id " + order + " limit :pageSize)"
                        + " union " + widelyFollowed(fanOutLimit) + " order by p.id " + order + " limit :pageSize)",
                viewer,
                page,
                Map.of());
    }

    @Override
    public StoredHome storedHome(long accountId, int limit) {
        return jdbc.sql("select array(select entry_id from home_feed where account_id = :reader"
                        + " order by entry_id desc limit :limit), " + MutesAndBlocks.hasTimedMutes(":reader"))
                .param("reader", accountId)
                .param("limit", limit)
                .query((rs, row) ->
                        new StoredHome(List.of((Long[]) rs.getArray(1).getArray()), rs.getBoolean(2)))
                .single();
    }

    @Override
    public List<Entry> homeAmong(
            Viewer viewer, long[] candidates, PageRequest window, int fanOutLimit, boolean anyAboveLimit) {
        // The same query as home(), with the feed's index walk replaced by primary-key probes of the
        // candidates: what the reader may see is still decided here, at read time. The candidates lie in
        // the window already; a range condition beside them would let a generic plan walk the key range.
        var selections = homeAmong.computeIfAbsent(fanOutLimit, limit ->
                new String[] {homeAmong(limit, "desc"), homeAmong(limit, "asc"), homeAmong("desc"), homeAmong("asc")});
        return page(
                selections[(window.ascending() ? 1 : 0) + (anyAboveLimit ? 0 : 2)],
                viewer,
                window,
                Map.of("candidates", Arrays.stream(candidates).boxed().toArray(Long[]::new)));
    }

    private static String homeAmong(int fanOutLimit, String order) {
        return "(" + homeAmong(order) + ") union " + widelyFollowed(fanOutLimit) + " order by p.id " + order
                + " limit :pageSize)";
    }

    /**
     * The candidates' branch alone: when nobody has more followers than the fan-out limit, every post
     * the reader may find in the home feed was fanned out. Half the plan of the full statement, whose
     * start and end took as long as running it.
     */
    private static String homeAmong(String order) {
        return "select p.id as cursor, p.id as post_id from posts p where p.id = any(:candidates) and "
                + visibleTo("p") + " and " + postNotHidden("p") + " and " + NOT_IN_EXCLUSIVE_LIST
                + " order by p.id " + order + " limit :pageSize";
    }

    /**
     * The home feed's read-time branch: posts of followees with more followers than the fan-out limit.
     * The limit (a setting, never input) is written into the statement rather than bound: a plan made
     * once for all readers then knows how few authors pass it and finds them by index, where a bound
     * limit makes it read every author's count.
     */
    private static String widelyFollowed(int fanOutLimit) {
        return "(select p.id, p.id from posts p where p.author_id in ("
                + "select f.followee_id from follows f join follow_counts c on c.account_id = f.followee_id"
                + " where f.follower_id = :viewer and c.followers_count > " + fanOutLimit + ")"
                + " and p.id < :max and p.id > :min and " + visibleTo("p") + " and " + postNotHidden("p")
                + " and " + NOT_IN_EXCLUSIVE_LIST;
    }

    @Override
    public Map<Long, Set<Long>> homeReaders(
            long networkId, Collection<Long> postIds, Collection<Long> candidates, int fanOutLimit) {
        var result = new HashMap<Long, Set<Long>>();
        if (postIds.isEmpty() || candidates.isEmpty()) return result;
        // One plan for every call (ADR 0065): planning this statement for each batch's arrays took twice
        // as long as running it. The plan must then hold for any number of posts and candidates, so
        // it does not let the candidates drive it (a generic plan guesses ten, and probed the feeds once
        // for each of a thousand): the holders of the posts come from the entry index first, and are
        // matched with the candidates in a hash.
        var pairs = GenericPlan.run(
                jdbc, () -> jdbc.sql(homeReaders.computeIfAbsent(fanOutLimit, JdbcFeedStore::homeReaders))
                        .param("candidates", candidates.toArray(Long[]::new))
                        .param("posts", postIds.toArray(Long[]::new))
                        .param("network", networkId)
                        .query((rs, row) -> new ShownTo(rs.getLong(1), rs.getLong(2)))
                        .list());
        for (var pair : pairs)
            result.computeIfAbsent(pair.postId(), k -> new HashSet<>()).add(pair.reader());
        return result;
    }

    /**
     * Pairs of post and reader found where the feed rule finds them, by index: the stored feeds' holders
     * of each post as itself (the entry index) or as the original of a repost (the posts' repost index,
     * then the entry index), and the followers of authors above the fan-out limit (written into the
     * statement, as in {@link #widelyFollowed}). Only the pairs of candidates are checked against the
     * audience, not every post against every open stream.
     */
    private static String homeReaders(int fanOutLimit) {
        return """
            with p as materialized (select * from posts where id = any(cast(:posts as bigint[]))),
            v as materialized (select id from unnest(cast(:candidates as bigint[])) as v(id)),
            held as materialized (
              select h.entry_id as post_id, h.account_id as reader
              from home_feed h where h.entry_id = any(cast(:posts as bigint[]))
              union all
              select r.reblog_of_id, h.account_id from posts r join home_feed h on h.entry_id = r.id
              where r.reblog_of_id = any(cast(:posts as bigint[])) and r.deleted_at is null
            )
            select p.id, x.reader from (
              select held.post_id, held.reader from held join v on v.id = held.reader
              union
              select a.id, f.follower_id
              from p a join follow_counts c on c.account_id = a.author_id and c.followers_count > %d
                join follows f on f.followee_id = a.author_id
                join v on v.id = f.follower_id
            ) x join p on p.id = x.post_id
            where\s"""
                        .formatted(fanOutLimit)
                + visibleTo("p", "x.reader") + " and " + postNotHidden("p", "x.reader");
    }

    @Override
    public Set<Long> shownTo(long networkId, long postId, Collection<Long> candidates) {
        if (candidates.isEmpty()) return Set.of();
        return new HashSet<>(GenericPlan.run(jdbc, () -> jdbc.sql(SHOWN_TO)
                .param("post", postId)
                .param("candidates", candidates.toArray(Long[]::new))
                .param("network", networkId)
                .query(Long.class)
                .list()));
    }

    private static final String SHOWN_TO =
            """
            with p as materialized (select * from posts where id = :post)
            select v.id from p, unnest(cast(:candidates as bigint[])) as v(id)
            where\s"""
                    + visibleTo("p", "v.id") + " and " + postNotHidden("p", "v.id");

    @Override
    public List<Entry> company(Viewer viewer, PageRequest page) {
        return page(
                """
        select p.id as cursor, p.id as post_id from posts p
        where p.network_id = :network and p.visibility = 'public' and p.reblog_of_id is null
          and p.deleted_at is null and p.id < :max and p.id > :min and """
                        + visibleTo("p") + " and " + postNotHidden("p"),
                viewer,
                page,
                Map.of());
    }

    @Override
    public List<Entry> tag(Viewer viewer, String tag, PageRequest page) {
        return page(
                """
        select p.id as cursor, p.id as post_id from post_tags t join posts p on p.id = t.post_id
        where t.network_id = :network and t.tag = :tag and p.visibility = 'public'
          and t.post_id < :max and t.post_id > :min and """
                        + visibleTo("p") + " and " + postNotHidden("p"),
                viewer,
                page,
                Map.of("tag", tag));
    }

    @Override
    public List<Entry> profile(
            Viewer viewer, long accountId, boolean excludeReplies, boolean excludeReblogs, PageRequest page) {
        var sql =
                "select p.id as cursor, p.id as post_id from posts p where p.network_id = :network and p.author_id = :account"
                        + " and p.id < :max and p.id > :min and p.visibility <> 'direct' and " + visibleTo("p")
                        + (excludeReplies
                                ? " and (p.in_reply_to_id is null or p.in_reply_to_account_id = p.author_id)"
                                : "")
                        + (excludeReblogs ? " and p.reblog_of_id is null" : "");
        return page(sql, viewer, page, Map.of("account", accountId));
    }

    @Override
    public List<Entry> mentions(Viewer viewer, PageRequest page) {
        return page(
                """
        select p.id as cursor, p.id as post_id from post_mentions m join posts p on p.id = m.post_id
        where m.account_id = :viewer and m.post_id < :max and m.post_id > :min and """
                        + visibleTo("p"),
                viewer,
                page,
                Map.of());
    }

    @Override
    public List<Entry> likes(Viewer viewer, PageRequest page) {
        return reactions("favourites", viewer, page);
    }

    @Override
    public List<Entry> bookmarks(Viewer viewer, PageRequest page) {
        return reactions("bookmarks", viewer, page);
    }

    private List<Entry> reactions(String table, Viewer viewer, PageRequest page) {
        return page(
                "select r.id as cursor, r.post_id from " + table + " r join posts p on p.id = r.post_id"
                        + " where r.account_id = :viewer and r.id < :max and r.id > :min and " + visibleTo("p"),
                viewer,
                page,
                Map.of());
    }

    @Override
    public List<Long> ancestors(Viewer viewer, long postId) {
        return jdbc.sql(
                        """
            with recursive up(id, parent, depth) as (
              select id, in_reply_to_id, 0 from posts where id = :post
              union all
              select p.id, p.in_reply_to_id, up.depth + 1 from posts p join up on p.id = up.parent
              where up.depth < :cap
            )
            select p.id from up join posts p on p.id = up.id
            where up.id <> :post and """
                                + visibleTo("p") + " order by p.id")
                .param("post", postId)
                .param("cap", THREAD_LIMIT)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Long.class)
                .list();
    }

    @Override
    public List<Long> descendants(Viewer viewer, long postId) {
        // A reply to an invisible reply is left out along with it: the thread is cut where the viewer's sight ends.
        return jdbc.sql(
                        """
            with recursive down(id, depth) as (
              select id, 0 from posts where id = :post
              union all
              select p.id, down.depth + 1 from posts p join down on p.in_reply_to_id = down.id
              where down.depth < :cap and """
                                + visibleTo("p")
                                + """
            )
            select id from down where id <> :post order by id limit :cap""")
                .param("post", postId)
                .param("cap", THREAD_LIMIT)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Long.class)
                .list();
    }

    /** Runs a feed selection with the paging window; newest first, or oldest first for min_id paging. */
    private List<Entry> page(String selection, Viewer viewer, PageRequest page, Map<String, Object> params) {
        var order = page.ascending() ? "asc" : "desc";
        var spec = jdbc.sql("select cursor, post_id from (" + selection + ") f order by cursor " + order
                        + " limit :pageSize")
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .param("max", page.upperBound())
                .param("min", page.lowerBound())
                .param("pageSize", page.limit());
        for (var e : params.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        var entries =
                spec.query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2))).list();
        return page.ascending() ? entries.reversed() : entries;
    }
}
