package org.hallway.posts.jdbc;

import static org.hallway.audience.Visibility.visibleTo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hallway.posts.PinStore;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPinStore implements PinStore {
    private final JdbcClient jdbc;

    JdbcPinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean pin(long id, long networkId, long accountId, long postId, Instant at) {
        return jdbc.sql(
                                """
            insert into status_pins (id, network_id, account_id, post_id, created_at) values (?, ?, ?, ?, ?)
            on conflict (account_id, post_id) do nothing""")
                        .params(id, networkId, accountId, postId, Timestamp.from(at))
                        .update()
                > 0;
    }

    @Override
    public boolean unpin(long accountId, long postId) {
        return jdbc.sql("delete from status_pins where account_id = ? and post_id = ?")
                        .params(accountId, postId)
                        .update()
                > 0;
    }

    @Override
    public int count(long accountId) {
        return jdbc.sql(
                        """
            select count(*) from status_pins s join posts p on p.id = s.post_id
            where s.account_id = ? and p.deleted_at is null""")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    @Override
    public Set<Long> pinnedAmong(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select post_id from status_pins where account_id = ? and post_id = any(?)")
                .params(accountId, postIds.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    @Override
    public Set<Long> pinnedBy(long accountId) {
        return Set.copyOf(jdbc.sql("select post_id from status_pins where account_id = ?")
                .param(accountId)
                .query(Long.class)
                .list());
    }

    @Override
    public List<Long> pinnedOf(Viewer viewer, long accountId) {
        return jdbc.sql("select p.id from status_pins s join posts p on p.id = s.post_id where s.account_id = :account"
                        + " and " + visibleTo("p") + " order by s.id desc")
                .param("account", accountId)
                .param("viewer", viewer.accountId())
                .param("network", viewer.networkId())
                .query(Long.class)
                .list();
    }
}
