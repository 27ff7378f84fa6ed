package org.hallway.notify.jdbc;

import static org.hallway.audience.Visibility.visibleTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.notify.DigestSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The digest's sections for a batch of readers in one statement each: the readers come in as arrays
 * ({@code unnest}) and a lateral subquery runs each reader's own ranked, audience-checked query (the
 * reader's id stands where a single query binds {@code :viewer}), so the database is asked once per
 * section and batch instead of once per reader.
 */
@Repository
class JdbcDigestSource implements DigestSource {
    private static final String SCORE = "(p.favourites_count + p.reblogs_count + p.replies_count)";

    private final JdbcClient jdbc;

    JdbcDigestSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, List<Long>> fromFollowed(long networkId, List<Reader> readers, int limit) {
        if (readers.isEmpty()) return Map.of();
        // Driven by the reader's follows and followed tags (index lookups), not by a scan of every
        // recent post with a check per post: about 20 times faster at 10,000 colleagues.
        return jdbc
                .sql("select r.reader, x.id from unnest(cast(:readers as bigint[]), cast(:sinces as bigint[]))"
                        + " as r(reader, since) cross join lateral (select p.id, " + SCORE + " as score from posts p"
                        + " where p.id in ("
                        + "select fp.id from follows f join posts fp on fp.network_id = :network"
                        + " and fp.author_id = f.followee_id and fp.deleted_at is null and fp.id > r.since"
                        + " where f.follower_id = r.reader"
                        + " union select t.post_id from tag_follows tf join post_tags t on t.network_id = tf.network_id"
                        + " and t.tag = tf.tag and t.post_id > r.since where tf.account_id = r.reader)"
                        + " and p.reblog_of_id is null and p.author_id <> r.reader"
                        + " and " + visibleTo("p", "r.reader")
                        + " order by " + SCORE + " desc, p.id desc limit :limit) x"
                        + " order by r.reader, x.score desc, x.id desc")
                .param("readers", readers.stream().map(Reader::accountId).toArray(Long[]::new))
                .param("sinces", readers.stream().map(Reader::sinceId).toArray(Long[]::new))
                .param("network", networkId)
                .param("limit", limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .stream()
                .collect(LinkedHashMap::new, JdbcDigestSource::add, Map::putAll);
    }

    @Override
    public Map<Long, List<Long>> popularInDepartment(long networkId, List<Reader> readers, int limit) {
        var withDepartment =
                readers.stream().filter(r -> !r.department().isBlank()).toList();
        if (withDepartment.isEmpty()) return Map.of();
        return jdbc
                .sql("select r.reader, x.id from unnest(cast(:readers as bigint[]), cast(:sinces as bigint[]),"
                        + " cast(:departments as text[])) as r(reader, since, department)"
                        + " cross join lateral (select p.id, " + SCORE + " as score from posts p"
                        + " join accounts a on a.id = p.author_id"
                        + " where a.network_id = :network and a.department = r.department and p.author_id <> r.reader"
                        + " and p.id > r.since and p.reblog_of_id is null and p.visibility in ('public', 'unlisted')"
                        + " and " + SCORE + " > 0 and " + visibleTo("p", "r.reader")
                        + " order by " + SCORE + " desc, p.id desc limit :limit) x"
                        + " order by r.reader, x.score desc, x.id desc")
                .param("readers", withDepartment.stream().map(Reader::accountId).toArray(Long[]::new))
                .param("sinces", withDepartment.stream().map(Reader::sinceId).toArray(Long[]::new))
                .param(
                        "departments",
                        withDepartment.stream().map(Reader::department).toArray(String[]::new))
                .param("network", networkId)
                .param("limit", limit)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list()
                .stream()
                .collect(LinkedHashMap::new, JdbcDigestSource::add, Map::putAll);
    }

    private static void add(Map<Long, List<Long>> byReader, long[] row) {
        byReader.computeIfAbsent(row[0], r -> new ArrayList<>()).add(row[1]);
    }
}
