package org.hallway.posts.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hallway.audience.AudienceChanges;
import org.hallway.posts.Post;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.GenericPlan;
import org.hallway.shared.KeyCondition;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPostStore implements PostStore {
    private final JdbcClient jdbc;
    private final AudienceChanges audience;

    JdbcPostStore(JdbcClient jdbc, AudienceChanges audience) {
        this.jdbc = jdbc;
        this.audience = audience;
    }

    @Override
    public void insert(Post p, List<String> tags, List<Long> mentionIds) {
        jdbc.sql(
                        """
            insert into posts (id, network_id, author_id, visibility, text, html, spoiler_text, sensitive,
              language, in_reply_to_id, in_reply_to_account_id, reblog_of_id, created_at, group_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        p.id(),
                        p.networkId(),
                        p.authorId(),
                        p.visibility().code(),
                        p.text(),
                        p.html(),
                        p.spoilerText(),
                        p.sensitive(),
                        p.language(),
                        p.inReplyToId(),
                        p.inReplyToAccountId(),
                        p.reblogOfId(),
                        Timestamp.from(p.createdAt()),
                        p.groupId())
                .update();
        insertEntities(p, tags, mentionIds);
    }

    @Override
    public void insertAll(List<NewPost> batch) {
        if (batch.isEmpty()) return;
        int n = batch.size();
        var ids = new Long[n];
        var networks = new Long[n];
        var authors = new Long[n];
        var visibilities = new String[n];
        var texts = new String[n];
        var htmls = new String[n];
        var spoilers = new String[n];
        var sensitive = new Boolean[n];
        var languages = new String[n];
        var replyTo = new Long[n];
        var replyToAccount = new Long[n];
        var reblogOf = new Long[n];
        var created = new String[n];
        var groups = new Long[n];
        var tagPosts = new java.util.ArrayList<Long>();
        var tagNetworks = new java.util.ArrayList<Long>();
        var tagNames = new java.util.ArrayList<String>();
        var mentionPosts = new java.util.ArrayList<Long>();
        var mentionNetworks = new java.util.ArrayList<Long>();
        var mentionAccounts = new java.util.ArrayList<Long>();
        // Counters are added up per row first: one statement may change a row only once.
        var replies = new java.util.LinkedHashMap<Long, Integer>();
        var authorCounts = new java.util.LinkedHashMap<Long, Integer>();
        var authorNetworks = new HashMap<Long, Long>();
        var authorLast = new HashMap<Long, Instant>();
        var keyAccounts = new java.util.ArrayList<Long>();
        var keyNames = new java.util.ArrayList<String>();
        var keyPosts = new java.util.ArrayList<Long>();
        var keyTimes = new java.util.ArrayList<String>();
        for (int i = 0; i < n; i++) {
            var np = batch.get(i);
            var p = np.post();
            ids[i] = p.id();
            networks[i] = p.networkId();
            authors[i] = p.authorId();
            visibilities[i] = p.visibility().code();
            texts[i] = p.text();
            htmls[i] = p.html();
            spoilers[i] = p.spoilerText();
            sensitive[i] = p.sensitive();
            languages[i] = p.language();
            replyTo[i] = p.inReplyToId();
            replyToAccount[i] = p.inReplyToAccountId();
            reblogOf[i] = p.reblogOfId();
            created[i] = p.createdAt().toString();
            groups[i] = p.groupId();
            for (var tag : new java.util.LinkedHashSet<>(np.tags())) {
                tagPosts.add(p.id());
                tagNetworks.add(p.networkId());
                tagNames.add(tag);
            }
            for (var m : new java.util.LinkedHashSet<>(np.mentionIds())) {
                mentionPosts.add(p.id());
                mentionNetworks.add(p.networkId());
                mentionAccounts.add(m);
            }
            if (np.countsAsReply() && p.inReplyToId() != null) replies.merge(p.inReplyToId(), 1, Integer::sum);
            if (np.countsForAuthor()) {
                authorCounts.merge(p.authorId(), 1, Integer::sum);
                authorNetworks.put(p.authorId(), p.networkId());
                authorLast.merge(p.authorId(), p.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (np.idempotencyKey() != null) {
                keyAccounts.add(p.authorId());
                keyNames.add(np.idempotencyKey());
                keyPosts.add(p.id());
                keyTimes.add(p.createdAt().toString());
            }
        }
        var statsAccounts = authorCounts.keySet().toArray(Long[]::new);
        // Data-modifying CTEs: every part runs, in one statement and one round trip. The foreign keys of
        // tags and mentions are checked at the statement's end, when the posts are there. Rows from arrays
        // and the parents by primary key: the generic plan is the custom one.
        GenericPlan.run(jdbc, () -> jdbc.sql(
                        """
            with new_posts as (
              insert into posts (id, network_id, author_id, visibility, text, html, spoiler_text, sensitive,
                language, in_reply_to_id, in_reply_to_account_id, reblog_of_id, created_at, group_id)
              select * from unnest(cast(:ids as bigint[]), cast(:networks as bigint[]), cast(:authors as bigint[]),
                cast(:visibilities as text[]), cast(:texts as text[]), cast(:htmls as text[]),
                cast(:spoilers as text[]), cast(:sensitive as boolean[]), cast(:languages as text[]),
                cast(:replyTo as bigint[]), cast(:replyToAccount as bigint[]), cast(:reblogOf as bigint[]),
                cast(cast(:created as text[]) as timestamptz[]), cast(:groups as bigint[]))
              returning id
            ), new_tags as (
              insert into post_tags (network_id, post_id, tag)
              select * from unnest(cast(:tagNetworks as bigint[]), cast(:tagPosts as bigint[]), cast(:tagNames as text[]))
              on conflict do nothing
            ), new_mentions as (
              insert into post_mentions (network_id, post_id, account_id)
              select * from unnest(cast(:mentionNetworks as bigint[]), cast(:mentionPosts as bigint[]),
                cast(:mentionAccounts as bigint[]))
              on conflict do nothing
            ), parents as (
              update posts set replies_count = posts.replies_count + d.n
              from unnest(cast(:parents as bigint[]), cast(:parentCounts as int[])) d(id, n)
              where posts.id = d.id
            ), stats as (
              insert into author_stats (account_id, network_id, statuses_count, last_status_at)
              select * from unnest(cast(:statsAccounts as bigint[]), cast(:statsNetworks as bigint[]),
                cast(:statsCounts as int[]), cast(cast(:statsLast as text[]) as timestamptz[]))
              on conflict (account_id) do update
                set statuses_count = greatest(0, author_stats.statuses_count + excluded.statuses_count),
                  last_status_at = greatest(excluded.last_status_at, author_stats.last_status_at)
            ), keys as (
              insert into idempotency_keys (account_id, key, post_id, created_at)
              select * from unnest(cast(:keyAccounts as bigint[]), cast(:keyNames as text[]),
                cast(:keyPosts as bigint[]), cast(cast(:keyTimes as text[]) as timestamptz[]))
              on conflict (account_id, key) do update set post_id = excluded.post_id, created_at = excluded.created_at
            )
            select count(*) from new_posts""")
                .param("ids", ids)
                .param("networks", networks)
                .param("authors", authors)
                .param("visibilities", visibilities)
                .param("texts", texts)
                .param("htmls", htmls)
                .param("spoilers", spoilers)
                .param("sensitive", sensitive)
                .param("languages", languages)
                .param("replyTo", replyTo)
                .param("replyToAccount", replyToAccount)
                .param("reblogOf", reblogOf)
                .param("created", created)
                .param("groups", groups)
                .param("tagNetworks", tagNetworks.toArray(Long[]::new))
                .param("tagPosts", tagPosts.toArray(Long[]::new))
                .param("tagNames", tagNames.toArray(String[]::new))
                .param("mentionNetworks", mentionNetworks.toArray(Long[]::new))
                .param("mentionPosts", mentionPosts.toArray(Long[]::new))
                .param("mentionAccounts", mentionAccounts.toArray(Long[]::new))
                .param("parents", replies.keySet().toArray(Long[]::new))
                .param("parentCounts", replies.values().toArray(Integer[]::new))
                .param("statsAccounts", statsAccounts)
                .param(
                        "statsNetworks",
                        java.util.Arrays.stream(statsAccounts)
                                .map(authorNetworks::get)
                                .toArray(Long[]::new))
                .param(
                        "statsCounts",
                        java.util.Arrays.stream(statsAccounts)
                                .map(authorCounts::get)
                                .toArray(Integer[]::new))
                .param(
                        "statsLast",
                        java.util.Arrays.stream(statsAccounts)
                                .map(a -> authorLast.get(a).toString())
                                .toArray(String[]::new))
                .param("keyAccounts", keyAccounts.toArray(Long[]::new))
                .param("keyNames", keyNames.toArray(String[]::new))
                .param("keyPosts", keyPosts.toArray(Long[]::new))
                .param("keyTimes", keyTimes.toArray(String[]::new))
                .query(Long.class)
                .single());
    }

    @Override
    public Map<Long, Map<String, Long>> postsForIdempotencyKeys(Map<Long, Set<String>> keysByAccount) {
        var accounts = new java.util.ArrayList<Long>();
        var keys = new java.util.ArrayList<String>();
        keysByAccount.forEach((account, ks) -> ks.forEach(k -> {
            accounts.add(account);
            keys.add(k);
        }));
        var result = new HashMap<Long, Map<String, Long>>();
        if (accounts.isEmpty()) return result;
        jdbc.sql(
                        """
            select i.account_id, i.key, i.post_id from idempotency_keys i
            join unnest(cast(:accounts as bigint[]), cast(:keys as text[])) k(account_id, key)
              on k.account_id = i.account_id and k.key = i.key
            where i.created_at > now() - interval '1 hour'""")
                .param("accounts", accounts.toArray(Long[]::new))
                .param("keys", keys.toArray(String[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), a -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return result;
    }

    private void insertEntities(Post p, List<String> tags, List<Long> mentionIds) {
        for (var tag : tags) {
            jdbc.sql("insert into post_tags (network_id, post_id, tag) values (?, ?, ?) on conflict do nothing")
                    .params(p.networkId(), p.id(), tag)
                    .update();
        }
        for (var m : mentionIds) {
            jdbc.sql(
                            "insert into post_mentions (network_id, post_id, account_id) values (?, ?, ?) on conflict do nothing")
                    .params(p.networkId(), p.id(), m)
                    .update();
        }
    }

    @Override
    public Optional<Post> find(long networkId, long id) {
        return jdbc.sql("select * from posts where network_id = ? and id = ? and deleted_at is null")
                .params(networkId, id)
                .query(JdbcPostStore::map)
                .optional();
    }

    @Override
    public Map<Long, Post> findAll(long networkId, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbc
                .sql("select * from posts where network_id = ? and id = any(?) and deleted_at is null")
                .params(networkId, ids.toArray(Long[]::new))
                .query(JdbcPostStore::map)
                // list(), not stream(): outside a transaction an unclosed query stream never returns its connection.
                .list()
                .stream()
                .collect(Collectors.toMap(Post::id, Function.identity()));
    }

    @Override
    public Map<Long, Detailed> findDetailed(long networkId, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        var result = new HashMap<Long, Detailed>();
        jdbc.sql(
                        """
            select p.*,
                   array(select t.tag from post_tags t where t.post_id = p.id order by t.tag) as tag_list,
                   array(select m.account_id from post_mentions m where m.post_id = p.id) as mention_list,
                   exists (select 1 from media_attachments a where a.post_id = p.id) as has_media,
                   exists (select 1 from polls v where v.post_id = p.id) as has_poll
            from posts p
            where p.network_id = :network and p.deleted_at is null
              and p.id = any(:ids || array(select r.reblog_of_id from posts r
                                           where r.id = any(:ids) and r.reblog_of_id is not null))""")
                .param("network", networkId)
                .param("ids", ids.toArray(Long[]::new))
                .query(rs -> {
                    var post = map(rs, 0);
                    var tags = List.of((String[]) rs.getArray("tag_list").getArray());
                    var mentions = List.of((Long[]) rs.getArray("mention_list").getArray());
                    result.put(
                            post.id(),
                            new Detailed(post, tags, mentions, rs.getBoolean("has_media"), rs.getBoolean("has_poll")));
                });
        return result;
    }

    @Override
    public Map<Long, Set<Long>> interactors(Collection<Long> postIds) {
        var result = new HashMap<Long, Set<Long>>();
        if (postIds.isEmpty()) return result;
        jdbc.sql(
                        """
            select post_id, account_id from favourites where post_id = any(:ids)
            union
            select post_id, account_id from bookmarks where post_id = any(:ids)
            union
            select reblog_of_id, author_id from posts where reblog_of_id = any(:ids) and deleted_at is null""")
                .param("ids", postIds.toArray(Long[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), p -> new HashSet<>()).add(rs.getLong(2));
                });
        return result;
    }

    @Override
    public ReaderState readerState(long accountId, Collection<Long> postIds) {
        var state = new ReaderState(new HashSet<>(), new HashSet<>(), new HashSet<>());
        if (postIds.isEmpty()) return state;
        jdbc.sql(
                        """
            select 'l', post_id from favourites where account_id = :reader and post_id = any(:ids)
            union all
            select 'b', post_id from bookmarks where account_id = :reader and post_id = any(:ids)
            union all
            select 'r', reblog_of_id from posts
            where author_id = :reader and reblog_of_id = any(:ids) and deleted_at is null""")
                .param("reader", accountId)
                .param("ids", postIds.toArray(Long[]::new))
                .query(rs -> {
                    var set =
                            switch (rs.getString(1)) {
                                case "l" -> state.liked();
                                case "b" -> state.bookmarked();
                                default -> state.reposted();
                            };
                    set.add(rs.getLong(2));
                });
        return state;
    }

    @Override
    public List<Long> mentionIds(long postId) {
        return jdbc.sql("select account_id from post_mentions where post_id = ?")
                .param(postId)
                .query(Long.class)
                .list();
    }

    @Override
    public Optional<Post> findReblog(long authorId, long originalId) {
        return jdbc.sql("select * from posts where author_id = ? and reblog_of_id = ? and deleted_at is null")
                .params(authorId, originalId)
                .query(JdbcPostStore::map)
                .optional();
    }

    @Override
    public List<Long> reblogsOf(long postId) {
        return jdbc.sql("select id from posts where reblog_of_id = ? and deleted_at is null")
                .param(postId)
                .query(Long.class)
                .list();
    }

    @Override
    public void updateContent(Post p, List<String> tags, List<Long> mentionIds) {
        // Who is mentioned decides who sees a direct message or a followers-only post.
        audience.changedForEveryone();
        jdbc.sql(
                        """
            update posts set text = ?, html = ?, spoiler_text = ?, sensitive = ?, language = ?, edited_at = ?
            where id = ?""")
                .params(
                        p.text(),
                        p.html(),
                        p.spoilerText(),
                        p.sensitive(),
                        p.language(),
                        Timestamp.from(p.editedAt()),
                        p.id())
                .update();
        jdbc.sql("delete from post_tags where post_id = ?").param(p.id()).update();
        jdbc.sql("delete from post_mentions where post_id = ?").param(p.id()).update();
        insertEntities(p, tags, mentionIds);
    }

    @Override
    public void insertEdit(long id, Post v, Instant at, List<EditMedia> media) {
        jdbc.sql(
                        """
            insert into post_edits (id, network_id, post_id, text, html, spoiler_text, sensitive, created_at,
              media_types, media_descriptions, media_ids)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        v.networkId(),
                        v.id(),
                        v.text(),
                        v.html(),
                        v.spoilerText(),
                        v.sensitive(),
                        Timestamp.from(at),
                        media.stream().map(EditMedia::type).toArray(String[]::new),
                        media.stream().map(EditMedia::description).toArray(String[]::new),
                        media.stream().anyMatch(m -> m.mediaId() == null)
                                ? null
                                : media.stream().map(EditMedia::mediaId).toArray(Long[]::new))
                .update();
    }

    @Override
    public List<Edit> edits(long postId) {
        return jdbc.sql("select * from post_edits where post_id = ? order by id")
                .param(postId)
                .query((rs, n) -> new Edit(
                        rs.getLong("id"),
                        rs.getString("text"),
                        rs.getString("html"),
                        rs.getString("spoiler_text"),
                        rs.getBoolean("sensitive"),
                        rs.getTimestamp("created_at").toInstant(),
                        editMedia(rs)))
                .list();
    }

    private static List<EditMedia> editMedia(java.sql.ResultSet rs) throws java.sql.SQLException {
        var types = (String[]) rs.getArray("media_types").getArray();
        var descriptions = (String[]) rs.getArray("media_descriptions").getArray();
        var idsArray = rs.getArray("media_ids");
        var ids = idsArray == null ? null : (Long[]) idsArray.getArray();
        var result = new java.util.ArrayList<EditMedia>(types.length);
        for (int i = 0; i < types.length; i++)
            result.add(new EditMedia(
                    types[i],
                    i < descriptions.length ? descriptions[i] : "",
                    ids != null && i < ids.length ? ids[i] : null));
        return result;
    }

    @Override
    public void markDeleted(Collection<Post> posts, Instant at) {
        if (posts.isEmpty()) return;
        audience.changedForEveryone();
        jdbc.sql("update posts set deleted_at = ? where id = any(?) and deleted_at is null")
                .params(Timestamp.from(at), posts.stream().map(Post::id).toArray(Long[]::new))
                .update();
    }

    @Override
    public void adjustCounters(long postId, int replies, int reblogs, int favourites) {
        jdbc.sql(
                        """
            update posts set replies_count = greatest(0, replies_count + ?),
              reblogs_count = greatest(0, reblogs_count + ?), favourites_count = greatest(0, favourites_count + ?)
            where id = ?""")
                .params(replies, reblogs, favourites, postId)
                .update();
    }

    @Override
    public void adjustAuthorStats(long networkId, long accountId, int statuses, @Nullable Instant lastStatusAt) {
        jdbc.sql(
                        """
            insert into author_stats (account_id, network_id, statuses_count, last_status_at) values (?, ?, greatest(0, ?), ?)
            on conflict (account_id) do update set statuses_count = greatest(0, author_stats.statuses_count + ?),
              last_status_at = coalesce(excluded.last_status_at, author_stats.last_status_at)""")
                // The change itself, not the new row's count: that one is clipped at zero, and a deletion is -1.
                .params(
                        accountId,
                        networkId,
                        statuses,
                        lastStatusAt == null ? null : Timestamp.from(lastStatusAt),
                        statuses)
                .update();
    }

    @Override
    public Map<Long, AuthorStats> authorStats(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) return Map.of();
        var result = new HashMap<Long, AuthorStats>();
        var keys = KeyCondition.of("account_id", accountIds);
        jdbc.sql("select account_id, statuses_count, last_status_at from author_stats where " + keys.sql())
                .param(keys.parameter())
                .query(rs -> {
                    var last = rs.getTimestamp(3);
                    result.put(rs.getLong(1), new AuthorStats(rs.getInt(2), last == null ? null : last.toInstant()));
                });
        return result;
    }

    @Override
    public long countPosts(long networkId) {
        return jdbc.sql("select coalesce(sum(statuses_count), 0) from author_stats where network_id = ?")
                .param(networkId)
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Long> postForIdempotencyKey(long accountId, String key) {
        return jdbc.sql(
                        "select post_id from idempotency_keys where account_id = ? and key = ? and created_at > now() - interval '1 hour'")
                .params(accountId, key)
                .query(Long.class)
                .optional();
    }

    @Override
    public void saveIdempotencyKey(long accountId, String key, long postId, Instant at) {
        jdbc.sql(
                        """
            insert into idempotency_keys (account_id, key, post_id, created_at) values (?, ?, ?, ?)
            on conflict (account_id, key) do update set post_id = excluded.post_id, created_at = excluded.created_at""")
                .params(accountId, key, postId, Timestamp.from(at))
                .update();
    }

    static Post map(ResultSet rs, int row) throws SQLException {
        var edited = rs.getTimestamp("edited_at");
        return new Post(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("author_id"),
                PostVisibility.of(rs.getString("visibility")),
                rs.getString("text"),
                rs.getString("html"),
                rs.getString("spoiler_text"),
                rs.getBoolean("sensitive"),
                rs.getString("language"),
                nullableLong(rs, "in_reply_to_id"),
                nullableLong(rs, "in_reply_to_account_id"),
                nullableLong(rs, "reblog_of_id"),
                rs.getTimestamp("created_at").toInstant(),
                edited == null ? null : edited.toInstant(),
                rs.getInt("replies_count"),
                rs.getInt("reblogs_count"),
                rs.getInt("favourites_count"),
                nullableLong(rs, "group_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
