package org.hallway.posts.jdbc;

import static org.hallway.audience.Visibility.visibleTo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hallway.posts.FeaturedTag;
import org.hallway.posts.FeaturedTagStore;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFeaturedTagStore implements FeaturedTagStore {
    /** How many of the colleague's latest posts suggestions look at. */
    private static final int RECENT_POSTS = 200;

    private final JdbcClient jdbc;

    JdbcFeaturedTagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(long id, long networkId, long accountId, String tag, Instant at) {
        jdbc.sql(
                        """
            insert into featured_tags (id, network_id, account_id, tag, created_at) values (?, ?, ?, ?, ?)
            on conflict (account_id, tag) do nothing""")
                .params(id, networkId, accountId, tag, Timestamp.from(at))
                .update();
        return jdbc.sql("select id from featured_tags where account_id = ? and tag = ?")
                .params(accountId, tag)
                .query(Long.class)
                .single();
    }

    @Override
    public boolean remove(long accountId, long id) {
        return jdbc.sql("delete from featured_tags where account_id = ? and id = ?")
                        .params(accountId, id)
                        .update()
                > 0;
    }

    @Override
    public List<FeaturedTag> of(Viewer viewer, long accountId) {
        // The counts embed the audience rule: a post the reader may not see (a secret group's, a
        // followers-only one) counts for nothing, so the numbers never hint at it.
        return jdbc.sql("select f.id, f.tag, c.n, c.latest from featured_tags f cross join lateral ("
                        + " select count(*) n, max(p.created_at) latest from post_tags t join posts p on p.id = t.post_id"
                        + " where t.network_id = f.network_id and t.tag = f.tag and p.author_id = f.account_id"
                        + " and p.reblog_of_id is null and p.deleted_at is null and " + visibleTo("p") + ") c"
                        + " where f.account_id = :account and f.network_id = :network order by f.id")
                .param("account", accountId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query((rs, n) -> {
                    var latest = rs.getTimestamp(4);
                    return new FeaturedTag(
                            rs.getLong(1), rs.getString(2), rs.getLong(3), latest == null ? null : latest.toInstant());
                })
                .list();
    }

    @Override
    public List<String> suggestions(long networkId, long accountId, int limit) {
        return jdbc.sql(
                        """
            select t.tag from (
              select id from posts where network_id = :network and author_id = :account
                and deleted_at is null and reblog_of_id is null order by id desc limit :recent
            ) p join post_tags t on t.post_id = p.id
            where not exists (select 1 from featured_tags f where f.account_id = :account and f.tag = t.tag)
            group by t.tag order by count(*) desc, max(p.id) desc limit :limit""")
                .param("network", networkId)
                .param("account", accountId)
                .param("recent", RECENT_POSTS)
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
