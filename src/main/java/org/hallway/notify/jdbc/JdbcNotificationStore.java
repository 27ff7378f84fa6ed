package org.hallway.notify.jdbc;

import static org.hallway.audience.Visibility.groupVisibleTo;
import static org.hallway.audience.Visibility.visibleTo;
import static org.hallway.follow.MutesAndBlocks.actorNotHidden;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hallway.notify.Notification;
import org.hallway.notify.NotificationStore;
import org.hallway.notify.NotificationType;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotificationStore implements NotificationStore {
    static final String COLUMNS =
            "n.id, n.network_id, n.account_id, n.type, n.actor_id, n.post_id, n.created_at, n.group_id, n.source_id";

    /**
     * The reader's notifications that they may still see: about no post (a follow), or about a post
     * visible to them, whose original is visible too when it is a repost; about no group, or a group
     * they may still see (or the group the directory took them out of: they knew it); from an active colleague the reader neither blocks nor mutes with
     * notifications, nor is blocked by.
     */
    static final String VISIBLE = " from notifications n left join posts p on p.id = n.post_id"
            + " where n.account_id = :viewer and n.network_id = :network"
            + " and exists (select 1 from accounts a where a.id = n.actor_id and a.active)"
            + " and (n.post_id is null or (" + visibleTo("p") + "))"
            + " and " + actorNotHidden("n.actor_id")
            + " and (n.group_id is null or n.type = 'group_removed' or exists (select 1 from groups g where g.id = n.group_id and "
            + groupVisibleTo("g") + "))";

    private final JdbcClient jdbc;

    JdbcNotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> insertAll(List<Notification> notifications) {
        if (notifications.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql(
                        """
            insert into notifications (id, network_id, account_id, type, actor_id, post_id, source_id, created_at, group_id)
            select * from unnest(:id, :network, :account, :type, :actor, :post, :source, cast(:at as timestamptz[]), :group)
            on conflict do nothing
            returning id""")
                .param("id", column(notifications, Notification::id))
                .param("network", column(notifications, Notification::networkId))
                .param("account", column(notifications, Notification::accountId))
                .param("type", notifications.stream().map(n -> n.type().code()).toArray(String[]::new))
                .param("actor", column(notifications, Notification::actorId))
                .param("post", column(notifications, Notification::postId))
                .param("source", column(notifications, Notification::sourceId))
                .param(
                        "at",
                        notifications.stream()
                                .map(n -> n.createdAt().toString())
                                .toArray(String[]::new))
                .param("group", column(notifications, Notification::groupId))
                .query(Long.class)
                .list());
    }

    private static Long[] column(List<Notification> notifications, Function<Notification, @Nullable Long> value) {
        return notifications.stream().map(value).toArray(Long[]::new);
    }

    @Override
    public void removeAbout(Collection<Long> postIds) {
        if (postIds.isEmpty()) return;
        var ids = postIds.toArray(Long[]::new);
        jdbc.sql("delete from notifications where post_id = any(:ids) or source_id = any(:ids)")
                .param("ids", ids)
                .update();
    }

    @Override
    public void remove(
            long recipientId, NotificationType type, long actorId, @Nullable Long postId, @Nullable Long groupId) {
        jdbc.sql(
                        """
            delete from notifications
            where account_id = :account and type = :type and actor_id = :actor and coalesce(post_id, 0) = :post
              and coalesce(group_id, 0) = :group""")
                .param("account", recipientId)
                .param("type", type.code())
                .param("actor", actorId)
                .param("post", postId == null ? 0L : postId)
                .param("group", groupId == null ? 0L : groupId)
                .update();
    }

    @Override
    public List<Notification> page(Viewer reader, Filter filter, PageRequest page) {
        if (filter.types().isEmpty()) return List.of();
        var order = page.ascending() ? "asc" : "desc";
        var list = jdbc.sql("select " + COLUMNS + VISIBLE + filterSql(filter)
                        + " and n.id < :max and n.id > :min order by n.id " + order + " limit :limit")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("types", codes(filter))
                .param("actor", filter.actorId() == null ? 0L : filter.actorId())
                .param("max", page.upperBound())
                .param("min", page.lowerBound())
                .param("limit", page.limit())
                .query(JdbcNotificationStore::row)
                .list();
        return page.ascending() ? list.reversed() : list;
    }

    @Override
    public Optional<Notification> find(Viewer reader, long id) {
        return jdbc.sql("select " + COLUMNS + VISIBLE + " and n.id = :id")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("id", id)
                .query(JdbcNotificationStore::row)
                .optional();
    }

    @Override
    public boolean dismiss(Viewer reader, long id) {
        return jdbc.sql("delete from notifications where id = :id and account_id = :viewer and network_id = :network")
                        .param("id", id)
                        .param("viewer", reader.accountId())
                        .param("network", reader.networkId())
                        .update()
                > 0;
    }

    @Override
    public void clear(Viewer reader) {
        jdbc.sql("delete from notifications where account_id = :viewer and network_id = :network")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .update();
    }

    @Override
    public int countAfter(Viewer reader, long afterId, Filter filter, int limit) {
        if (filter.types().isEmpty()) return 0;
        return jdbc.sql("select count(*) from (select 1" + VISIBLE + filterSql(filter)
                        + " and n.id > :after limit :limit) c")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("types", codes(filter))
                .param("actor", filter.actorId() == null ? 0L : filter.actorId())
                .param("after", afterId)
                .param("limit", limit)
                .query(Integer.class)
                .single();
    }

    private static String filterSql(Filter filter) {
        return " and n.type = any(:types)" + (filter.actorId() == null ? "" : " and n.actor_id = :actor");
    }

    private static String[] codes(Filter filter) {
        return filter.types().stream().map(NotificationType::code).toArray(String[]::new);
    }

    static Notification row(ResultSet rs, int n) throws SQLException {
        long postId = rs.getLong("post_id");
        Long post = rs.wasNull() ? null : postId;
        return new Notification(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("account_id"),
                NotificationType.of(rs.getString("type")).orElseThrow(),
                rs.getLong("actor_id"),
                post,
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("group_id", Long.class),
                rs.getObject("source_id", Long.class));
    }
}
