package org.hallway.search.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hallway.follow.MutesAndBlocks;
import org.hallway.search.PersonDoc;
import org.hallway.search.PostDoc;
import org.hallway.search.SearchSource;
import org.hallway.shared.GenericPlan;
import org.hallway.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the documents of the search index straight from the tables of posts, reactions and accounts:
 * the index is a derived read model, and a rebuild must stream a million posts without hydrating each
 * through the posts module. Reads only; never writes another module's tables.
 */
@Repository
class JdbcSearchSource implements SearchSource {
    private static final int BATCH = 2000;
    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S");
    private static final String POST_SELECT =
            """
            select p.id, p.network_id, p.author_id, a.username, a.department, p.visibility, p.group_id, p.text,
                   p.spoiler_text, p.in_reply_to_id, p.created_at,
                   array(select t.tag from post_tags t where t.post_id = p.id) as tags,
                   array(select m.account_id from post_mentions m where m.post_id = p.id) as mentions,
                   array(select f.account_id from favourites f where f.post_id = p.id) as likers,
                   array(select r.author_id from posts r
                         where r.reblog_of_id = p.id and r.deleted_at is null) as reposters
            from posts p join accounts a on a.id = p.author_id
            where p.deleted_at is null and p.reblog_of_id is null
            """;
    private static final String PERSON_SELECT =
            """
            select id, network_id, username, display_name, title, department, location, bio,
                   array(select k.skill from profile_skills k where k.account_id = accounts.id order by k.position)
                     as skills
            from accounts where active
            """;

    private final JdbcClient jdbc;

    JdbcSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PostDoc> post(long postId) {
        return jdbc.sql(POST_SELECT + " and p.id = ?")
                .param(postId)
                .query(JdbcSearchSource::post)
                .optional();
    }

    @Override
    public Map<Long, PostDoc> posts(Collection<Long> postIds) {
        if (postIds.isEmpty()) return Map.of();
        var found = new HashMap<Long, PostDoc>();
        // Every table by primary key or by post: the generic plan is the custom one.
        GenericPlan.run(jdbc, () -> jdbc.sql(POST_SELECT + " and p.id = any(?)")
                        .param(postIds.toArray(Long[]::new))
                        .query(JdbcSearchSource::post)
                        .list())
                .forEach(doc -> found.put(doc.id(), doc));
        return found;
    }

    @Override
    public Optional<Long> originalOf(long postId) {
        return jdbc.sql("select reblog_of_id from posts where id = ? and reblog_of_id is not null")
                .param(postId)
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<PersonDoc> person(long accountId) {
        return jdbc.sql(PERSON_SELECT + " and id = ?")
                .param(accountId)
                .query(JdbcSearchSource::person)
                .optional();
    }

    @Override
    public void eachPost(Consumer<PostDoc> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            // Keyset batches rather than one long cursor: no transaction is held open for the whole rebuild.
            var batch = jdbc.sql(POST_SELECT + " and p.id > ? order by p.id limit " + BATCH)
                    .param(after)
                    .query(JdbcSearchSource::post)
                    .list();
            batch.forEach(sink);
            if (batch.size() < BATCH) return;
            after = batch.getLast().id();
        }
    }

    @Override
    public void eachPerson(Consumer<PersonDoc> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            var batch = jdbc.sql(PERSON_SELECT + " and id > ? order by id limit " + BATCH)
                    .param(after)
                    .query(JdbcSearchSource::person)
                    .list();
            batch.forEach(sink);
            if (batch.size() < BATCH) return;
            after = batch.getLast().id();
        }
    }

    /**
     * Posts and likes stored since {@code since} are found by their primary keys: an id is made from the
     * clock ({@link Ids}) moments before or after its row's creation time, which a second's margin covers.
     * Edits and deletions have small indexes of their own. A repost stands for its original.
     */
    @Override
    public Set<Long> postsChangedSince(java.time.Instant since) {
        var at = java.sql.Timestamp.from(since);
        long firstId = Ids.floorOf(since.minusSeconds(1).toEpochMilli());
        return jdbc.sql(
                        """
                        select coalesce(reblog_of_id, id) from posts where id >= ? or edited_at >= ? or deleted_at >= ?
                        union
                        select post_id from favourites where id >= ?
                        """)
                .params(firstId, at, at, firstId)
                .query(Long.class)
                .set();
    }

    @Override
    public Set<Long> peopleChangedSince(java.time.Instant since) {
        var at = java.sql.Timestamp.from(since);
        return jdbc.sql("select id from accounts where updated_at >= ? or created_at >= ? or deactivated_at >= ?")
                .params(at, at, at)
                .query(Long.class)
                .set();
    }

    @Override
    public Set<Long> postsBy(long accountId) {
        return jdbc.sql("select id from posts where author_id = ? and deleted_at is null and reblog_of_id is null")
                .param(accountId)
                .query(Long.class)
                .set();
    }

    @Override
    public Set<Long> groupsNamed(long networkId, Collection<String> references) {
        if (references.isEmpty()) return Set.of();
        var names = references.stream()
                .map(r -> r.strip().toLowerCase(java.util.Locale.ROOT))
                .toArray(String[]::new);
        return jdbc.sql(
                        """
                        select id from groups
                        where network_id = ?
                          and (lower(name) = any(?)
                               or trim(both '-' from regexp_replace(lower(name), '[^[:alnum:]]+', '-', 'g')) = any(?)
                               or cast(id as text) = any(?))
                        """)
                .params(networkId, names, names, names)
                .query(Long.class)
                .set();
    }

    @Override
    public Set<Long> hiddenAuthors(long accountId) {
        return jdbc.sql(MutesAndBlocks.HIDDEN_AUTHORS)
                .param("viewer", accountId)
                .query(Long.class)
                .set();
    }

    @Override
    public WorkContext workContext(long networkId, long accountId) {
        // One round trip: the department, the management chain, the reports and the hidden colleagues.
        return jdbc.sql(
                        """
                        select coalesce((select department from accounts where network_id = :network and id = :viewer), '')
                                 as department,
                               array(with recursive chain(id, depth) as (
                                       select manager_id, 1 from accounts where id = :viewer and network_id = :network
                                       union all
                                       select a.manager_id, c.depth + 1 from accounts a join chain c on a.id = c.id
                                       where c.depth < 20
                                     )
                                     select id from chain where id is not null) as managers,
                               array(select id from accounts where network_id = :network and manager_id = :viewer
                                     and active) as reports,
                               array("""
                                + MutesAndBlocks.HIDDEN_AUTHORS + ") as hidden")
                .param("network", networkId)
                .param("viewer", accountId)
                .query((rs, i) -> new WorkContext(
                        rs.getString("department"),
                        Set.copyOf(longs(rs.getArray("managers"))),
                        Set.copyOf(longs(rs.getArray("reports"))),
                        Set.copyOf(longs(rs.getArray("hidden")))))
                .single();
    }

    private static PostDoc post(ResultSet rs, int row) throws SQLException {
        var text = rs.getString("text");
        var spoiler = rs.getString("spoiler_text");
        var inReplyTo = rs.getObject("in_reply_to_id", Long.class);
        return new PostDoc(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("author_id"),
                rs.getString("username"),
                rs.getString("department"),
                rs.getString("visibility"),
                rs.getObject("group_id", Long.class),
                spoiler.isEmpty() ? text : spoiler + "\n" + text,
                strings(rs.getArray("tags")),
                longs(rs.getArray("mentions")),
                LINK.matcher(text).find(),
                inReplyTo,
                rs.getTimestamp("created_at").toInstant(),
                longs(rs.getArray("likers")),
                longs(rs.getArray("reposters")));
    }

    private static PersonDoc person(ResultSet rs, int row) throws SQLException {
        return new PersonDoc(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("title"),
                rs.getString("department"),
                rs.getString("location"),
                rs.getString("bio"),
                strings(rs.getArray("skills")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) return List.of();
        var values = (Long[]) array.getArray();
        return List.copyOf(new HashSet<>(Arrays.asList(values)));
    }
}
