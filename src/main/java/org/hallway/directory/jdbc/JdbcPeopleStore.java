package org.hallway.directory.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        var skill = q.startsWith("#");
        var term = skill ? q.substring(1) : q;
        if (term.isEmpty()) return List.of();
        // By rank, cheapest first: names and handles, then words of names, then work context and skills.
        // A short prefix matches thousands of terms, but the page is usually full after the first step.
        var phases = skill ? List.<Integer[]>of(new Integer[] {4}) : PHASES;
        int wanted = offset + limit;
        var found = new java.util.ArrayList<Long>();
        for (var kinds : phases) {
            if (found.size() >= wanted) break;
            found.addAll(match(networkId, term, kinds, found, followedBy, wanted - found.size()));
        }
        return found.size() <= offset ? List.of() : List.copyOf(found.subList(offset, Math.min(wanted, found.size())));
    }

    /** Term kinds (see V5__profiles.sql), best rank first: 0 handle and 1 full name, 2 a word of the name, 3 work, 4 skill. */
    private static final List<Integer[]> PHASES =
            List.of(new Integer[] {0, 1}, new Integer[] {2}, new Integer[] {3, 4});

    /**
     * At most this many matching terms of one rank are ranked by name. A short prefix matches
     * thousands of terms ("e": everyone in Engineering); ranking them all before taking five cost
     * tens of milliseconds. Beyond the cap, the page comes from the first matches the term index
     * gives, by name: for one or two letters nobody expects one alphabet-exact page, and each further
     * letter narrows the matches below the cap.
     */
    static final int RANKED_AT_MOST = 500;

    /** One rank's matches: those with a term exactly the query first, then those with a term starting with it. */
    private List<Long> match(
            long networkId, String term, Integer[] kinds, List<Long> excluded, @Nullable Long followedBy, int limit) {
        var exact = query(networkId, "t.term = :term", Map.of("term", term), kinds, excluded, followedBy, limit);
        if (exact.size() >= limit) return exact;
        var skip = new java.util.ArrayList<Long>(excluded);
        skip.addAll(exact);
        var result = new java.util.ArrayList<Long>(exact);
        result.addAll(query(networkId, PREFIX, prefix(term), kinds, skip, followedBy, limit - exact.size()));
        return result;
    }

    /**
     * Terms starting with the query. {@code like} alone cannot use the term index once the statement is
     * prepared and PostgreSQL plans it for any parameter (a generic plan then reads every term of the
     * kinds); the range in the index's own operators can, and {@code like} keeps the exact meaning.
     */
    private static final String PREFIX = "t.term ~>=~ :from and t.term ~<~ :to and t.term like :pattern escape '\\'";

    private static Map<String, Object> prefix(String term) {
        // The least string above every string that starts with the term: its last character, plus one.
        int last = term.codePointBefore(term.length());
        int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
        var to = last == Character.MAX_CODE_POINT
                ? term + Character.toString(Character.MAX_CODE_POINT)
                : term.substring(0, term.length() - Character.charCount(last)) + Character.toString(next);
        return Map.of("from", term, "to", to, "pattern", escape(term) + "%");
    }

    private List<Long> query(
            long networkId,
            String condition,
            Map<String, Object> terms,
            Integer[] kinds,
            List<Long> excluded,
            @Nullable Long followedBy,
            int limit) {
        // Materialized, so that the cap applies to the index scan of the terms, before any ranking.
        var sql = "with m as materialized (select t.account_id, t.name from people_search_terms t"
                + " where t.network_id = :network and " + condition
                + " and t.kind = any(:kinds) and t.account_id <> all(:excluded)"
                + (followedBy == null
                        ? ""
                        : " and exists (select 1 from follows f where f.follower_id = :viewer"
                                + " and f.followee_id = t.account_id)")
                + " limit :cap)"
                + " select account_id from m group by name collate \"C\", account_id"
                + " order by name collate \"C\", account_id limit :limit";
        var spec = jdbc.sql(sql)
                .param("network", networkId)
                .params(terms)
                .param("kinds", kinds)
                .param("excluded", excluded.toArray(Long[]::new))
                .param("cap", RANKED_AT_MOST)
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
