package org.hallway.notify.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.notify.NotificationGroupStore;
import org.hallway.notify.NotificationStore;
import org.hallway.notify.NotificationType;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotificationGroupStore implements NotificationGroupStore {
    /** A notification's group key, given the grouped types bound as {@code :grouped}. */
    private static final String KEY = "(case when n.type = any(:grouped) and n.type in ('favourite', 'reblog')"
            + " then n.type || '-' || n.post_id when n.type = any(:grouped) and n.type = 'follow' then 'follow'"
            + " else 'ungrouped-' || n.id end)";

    private final JdbcClient jdbc;

    JdbcNotificationGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Group> page(
            Viewer reader, NotificationStore.Filter filter, Collection<NotificationType> grouped, PageRequest page) {
        if (filter.types().isEmpty()) return List.of();
        var where = filterSql(filter) + " and n.id < :max and n.id > :min";
        var list = groups(
                reader,
                where,
                page.ascending() ? "asc" : "desc",
                codes(filter.types()),
                codes(grouped),
                Map.of(
                        "actor",
                        filter.actorId() == null ? 0L : filter.actorId(),
                        "max",
                        page.upperBound(),
                        "min",
                        page.lowerBound(),
                        "limit",
                        page.limit()));
        return page.ascending() ? list.reversed() : list;
    }

    @Override
    public Optional<Group> find(Viewer reader, String key) {
        var all = codes(GROUPABLE);
        return groups(reader, " and " + KEY + " = :key", null, null, all, Map.of("key", key)).stream()
                .findFirst();
    }

    @Override
    public int dismiss(Viewer reader, String key) {
        return jdbc.sql("delete from notifications n where n.account_id = :viewer and n.network_id = :network and "
                        + KEY + " = :key")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("grouped", codes(GROUPABLE))
                .param("key", key)
                .update();
    }

    @Override
    public int countAfter(
            Viewer reader,
            long afterId,
            NotificationStore.Filter filter,
            Collection<NotificationType> grouped,
            int limit) {
        if (filter.types().isEmpty()) return 0;
        return jdbc.sql("select count(*) from (select distinct " + KEY + JdbcNotificationStore.VISIBLE
                        + filterSql(filter) + " and n.id > :after limit :limit) c")
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("types", codes(filter.types()))
                .param("grouped", codes(grouped))
                .param("actor", filter.actorId() == null ? 0L : filter.actorId())
                .param("after", afterId)
                .param("limit", limit)
                .query(Integer.class)
                .single();
    }

    /**
     * The groups of the visible notifications matching {@code where}: grouped in one pass, then each
     * group's newest notification and its latest distinct actors. With an {@code order}, a page of
     * {@code :limit} groups by their newest notification; each counts all its notifications in the range
     * read, and newest first, its page's oldest id is its oldest notification not older than the newest
     * of the page's last group, where the next page starts (as Mastodon pages groups).
     */
    private List<Group> groups(
            Viewer reader,
            String where,
            @Nullable String order,
            String[] types,
            String[] grouped,
            Map<String, Object> params) {
        var pageMin = "desc".equals(order)
                ? "(select min(v.id) from v where v.gk = s.gk and v.id >= (select min(f.latest) from s f))"
                : "s.earliest";
        var sql = "with v as (select n.id, n.actor_id, " + KEY + " gk" + JdbcNotificationStore.VISIBLE + where
                + "), g as (select gk, max(id) latest, min(id) earliest, count(*) cnt from v group by gk)"
                + ", s as (select * from g" + (order == null ? "" : " order by latest " + order + " limit :limit")
                + ") select s.gk, " + pageMin + " page_min, s.cnt, array(select a.actor_id from"
                + " (select v.actor_id, max(v.id) m from v where v.gk = s.gk group by v.actor_id order by m desc"
                + " limit " + SAMPLE + ") a) sample, " + JdbcNotificationStore.COLUMNS
                + " from s join notifications n on n.id = s.latest"
                + (order == null ? "" : " order by s.latest " + order);
        var statement = jdbc.sql(sql)
                .param("viewer", reader.accountId())
                .param("network", reader.networkId())
                .param("grouped", grouped);
        if (types != null) statement = statement.param("types", types);
        for (var e : new HashMap<>(params).entrySet()) statement = statement.param(e.getKey(), e.getValue());
        return statement.query(JdbcNotificationGroupStore::row).list();
    }

    private static Group row(ResultSet rs, int n) throws SQLException {
        var latest = JdbcNotificationStore.row(rs, n);
        var sample = new ArrayList<Long>();
        for (var id : (Long[]) rs.getArray("sample").getArray()) sample.add(id);
        return new Group(rs.getString("gk"), latest, rs.getLong("page_min"), latest.id(), rs.getInt("cnt"), sample);
    }

    private static String filterSql(NotificationStore.Filter filter) {
        return " and n.type = any(:types)" + (filter.actorId() == null ? "" : " and n.actor_id = :actor");
    }

    private static String[] codes(Collection<NotificationType> types) {
        return types.stream().map(NotificationType::code).toArray(String[]::new);
    }
}
