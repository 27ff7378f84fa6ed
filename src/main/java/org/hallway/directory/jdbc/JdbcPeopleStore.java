package org.hallway.directory.jdbc;

import java.util.List;
import java.util.Locale;
import org.hallway.directory.PeopleStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPeopleStore implements PeopleStore {
    /** Deep enough for any real company; stops the walk should the data ever hold a cycle. */
    private static final int MAX_DEPTH = 50;

    private final JdbcClient jdbc;

    JdbcPeopleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> managerChain(long networkId, long accountId) {
        return jdbc.sql(
                        """
            with recursive chain (id, manager_id, depth, path) as (
              select id, manager_id, 0, array[id] from accounts where network_id = :network and id = :id
              union all
              select a.id, a.manager_id, c.depth + 1, c.path || a.id
              from accounts a join chain c on a.id = c.manager_id
              where a.network_id = :network and a.id <> all(c.path) and c.depth < :max)
            select id from chain where depth > 0 order by depth""")
                .param("network", networkId)
                .param("id", accountId)
                .param("max", MAX_DEPTH)
                .query(Long.class)
                .list();
    }

    @Override
    public List<Long> reports(long networkId, long managerId) {
        return jdbc.sql("select id from accounts where network_id = ? and manager_id = ? and active"
                        + " order by lower(display_name), id")
                .params(networkId, managerId)
                .query(Long.class)
                .list();
    }

    @Override
    public List<Long> departmentLeads(long networkId, String department) {
        if (department.isBlank()) return List.of();
        return jdbc.sql(
                        """
            select a.id from accounts a left join accounts m on m.id = a.manager_id
            where a.network_id = ? and a.active and lower(a.department) = lower(?)
              and exists (select 1 from accounts r where r.manager_id = a.id and r.active)
              and (m.id is null or lower(m.department) <> lower(a.department))
            order by a.id""")
                .params(networkId, department)
                .query(Long.class)
                .list();
    }

    @Override
    public List<Long> directory(long networkId, DirectoryFilter filter, int offset, int limit) {
        var sql = new StringBuilder("select a.id from accounts a left join author_stats s on s.account_id = a.id"
                + " where a.network_id = :network and a.active");
        if (present(filter.department())) sql.append(" and lower(a.department) = lower(:department)");
        if (present(filter.location())) sql.append(" and lower(a.location) = lower(:location)");
        if (present(filter.title())) sql.append(" and lower(a.title) like :title escape '\\'");
        if (present(filter.skill())) {
            sql.append(" and exists (select 1 from profile_skills k where k.account_id = a.id"
                    + " and k.network_id = :network and k.skill = :skill)");
        }
        sql.append(
                switch (filter.order()) {
                        // Compat(mastodon): "active" lists those who posted most recently first.
                    case ACTIVE -> " order by s.last_status_at desc nulls last, a.id desc";
                    case NEW -> " order by a.id desc";
                    case NAME -> " order by lower(a.display_name), a.id";
                });
        sql.append(" offset :offset limit :limit");
        var spec = jdbc.sql(sql.toString())
                .param("network", networkId)
                .param("offset", offset)
                .param("limit", limit);
        if (present(filter.department()))
            spec = spec.param("department", filter.department().strip());
        if (present(filter.location()))
            spec = spec.param("location", filter.location().strip());
        if (present(filter.title())) spec = spec.param("title", "%" + escape(filter.title()) + "%");
        if (present(filter.skill())) spec = spec.param("skill", filter.skill());
        return spec.query(Long.class).list();
    }

    @Override
    public List<Long> search(long networkId, String query, @Nullable Long followedBy, int offset, int limit) {
        var q = query.strip().toLowerCase(Locale.ROOT);
        var prefix = escape(q) + "%";
        var word = "% " + prefix;
        var skill = escape(q.replaceFirst("^#", "")) + "%";
        var sql =
                """
            select a.id from accounts a
            where a.network_id = :network and a.active
              and (lower(a.username) like :prefix escape '\\' or lower(a.display_name) like :prefix escape '\\'
                or lower(a.display_name) like :word escape '\\'
                or lower(a.title) like :prefix escape '\\' or lower(a.title) like :word escape '\\'
                or lower(a.department) like :prefix escape '\\' or lower(a.department) like :word escape '\\'
                or exists (select 1 from profile_skills k
                           where k.account_id = a.id and k.network_id = :network and k.skill like :skill escape '\\'))
            """
                        + (followedBy == null
                                ? ""
                                : " and exists (select 1 from follows f where f.follower_id = :viewer"
                                        + " and f.followee_id = a.id)")
                        + """
             order by case
                when lower(a.username) = :exact or lower(a.display_name) = :exact then 0
                when lower(a.display_name) like :prefix escape '\\' or lower(a.username) like :prefix escape '\\' then 1
                when lower(a.display_name) like :word escape '\\' then 2
                else 3 end,
              lower(a.display_name), a.id
            offset :offset limit :limit""";
        var spec = jdbc.sql(sql)
                .param("network", networkId)
                .param("exact", q)
                .param("prefix", prefix)
                .param("word", word)
                .param("skill", skill)
                .param("offset", offset)
                .param("limit", limit);
        if (followedBy != null) spec = spec.param("viewer", followedBy);
        return spec.query(Long.class).list();
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static String escape(String s) {
        return s.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }
}
