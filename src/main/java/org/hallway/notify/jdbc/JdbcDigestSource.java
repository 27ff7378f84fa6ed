package org.hallway.notify.jdbc;

import static org.hallway.audience.Visibility.visibleTo;

import java.util.List;
import org.hallway.notify.DigestSource;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDigestSource implements DigestSource {
    private static final String SCORE = "(p.favourites_count + p.reblogs_count + p.replies_count)";

    private final JdbcClient jdbc;

    JdbcDigestSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> fromFollowed(Viewer reader, long sinceId, int limit) {
        return jdbc.sql("select p.id from posts p where p.network_id = :network and p.id > :since"
                        + " and p.reblog_of_id is null and p.author_id <> :viewer"
                        + " and (exists (select 1 from follows f where f.follower_id = :viewer and f.followee_id = p.author_id)"
                        + " or exists (select 1 from post_tags t join tag_follows tf on tf.account_id = :viewer and tf.tag = t.tag"
                        + " where t.post_id = p.id))"
                        + " and " + visibleTo("p")
                        + " order by " + SCORE + " desc, p.id desc limit :limit")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("since", sinceId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    @Override
    public List<Long> popularInDepartment(Viewer reader, String department, long sinceId, int limit) {
        return jdbc.sql("select p.id from posts p join accounts a on a.id = p.author_id"
                        + " where a.network_id = :network and a.department = :department and p.author_id <> :viewer"
                        + " and p.id > :since and p.reblog_of_id is null and p.visibility in ('public', 'unlisted')"
                        + " and " + SCORE + " > 0 and " + visibleTo("p")
                        + " order by " + SCORE + " desc, p.id desc limit :limit")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("department", department)
                .param("since", sinceId)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }
}
