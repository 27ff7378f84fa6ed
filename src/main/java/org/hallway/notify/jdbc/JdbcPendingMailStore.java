package org.hallway.notify.jdbc;

import static org.hallway.audience.Visibility.groupVisibleTo;
import static org.hallway.audience.Visibility.visibleTo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hallway.notify.PendingMailStore;
import org.hallway.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPendingMailStore implements PendingMailStore {
    private final JdbcClient jdbc;

    JdbcPendingMailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void queue(long notificationId, long networkId, long accountId, Instant at) {
        jdbc.sql(
                        """
            insert into pending_mails (notification_id, network_id, account_id, queued_at)
            values (?, ?, ?, ?) on conflict do nothing""")
                .params(notificationId, networkId, accountId, Timestamp.from(at))
                .update();
    }

    @Override
    public List<Viewer> recipientsDue(Instant queuedBefore, int limit) {
        return jdbc.sql(
                        """
            select m.account_id, m.network_id, a.role = 'admin' from pending_mails m join accounts a on a.id = m.account_id
            group by m.account_id, m.network_id, a.role having min(m.queued_at) <= ? limit ?""")
                .params(Timestamp.from(queuedBefore), limit)
                .query((rs, n) -> new Viewer(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .list();
    }

    @Override
    public List<Pending> waitingFor(Viewer recipient) {
        return jdbc.sql("select n.id, n.network_id, n.account_id, n.type, n.actor_id, n.post_id, n.created_at,"
                        + " n.group_id, n.source_id, (n.post_id is null or coalesce(" + visibleTo("p") + ", false))"
                        + " and (n.group_id is null or exists (select 1 from groups g where g.id = n.group_id and "
                        + groupVisibleTo("g") + ")) as visible"
                        + " from pending_mails m join notifications n on n.id = m.notification_id"
                        + " left join posts p on p.id = n.post_id"
                        + " where m.account_id = :viewer and n.network_id = :network order by n.id")
                .param("viewer", recipient.accountId())
                .param("network", recipient.networkId())
                .query((rs, n) -> new Pending(JdbcNotificationStore.row(rs, n), rs.getBoolean("visible")))
                .list();
    }

    @Override
    public List<Long> claim(Collection<Long> notificationIds) {
        if (notificationIds.isEmpty()) return List.of();
        return jdbc.sql("delete from pending_mails where notification_id = any(?) returning notification_id")
                .param(notificationIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }
}
