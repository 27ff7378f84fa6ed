package org.hallway.filters.jdbc;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.hallway.filters.Filter;
import org.hallway.filters.FilterStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFilterStore implements FilterStore {
    private final JdbcClient jdbc;

    JdbcFilterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Filter filter) {
        jdbc.sql(
                        """
            insert into filters (id, network_id, account_id, title, contexts, action, expires_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set title = excluded.title, contexts = excluded.contexts,
              action = excluded.action, expires_at = excluded.expires_at""")
                .params(
                        filter.id(),
                        filter.networkId(),
                        filter.accountId(),
                        filter.title(),
                        filter.contexts().toArray(String[]::new),
                        filter.action(),
                        filter.expiresAt() == null ? null : Timestamp.from(filter.expiresAt()),
                        Timestamp.from(filter.createdAt()))
                .update();
        jdbc.sql("delete from filter_keywords where filter_id = ?")
                .param(filter.id())
                .update();
        for (var k : filter.keywords()) {
            jdbc.sql("insert into filter_keywords (id, filter_id, keyword, whole_word) values (?, ?, ?, ?)")
                    .params(k.id(), filter.id(), k.keyword(), k.wholeWord())
                    .update();
        }
    }

    @Override
    public void delete(long filterId) {
        jdbc.sql("delete from filters where id = ?").param(filterId).update();
    }

    @Override
    public Optional<Filter> find(long accountId, long filterId) {
        return load("f.account_id = ? and f.id = ?", accountId, filterId).stream()
                .findFirst();
    }

    @Override
    public List<Filter> ofAccount(long accountId) {
        return load("f.account_id = ?", accountId);
    }

    private List<Filter> load(String where, Object... params) {
        var byId = new LinkedHashMap<Long, Filter>();
        var keywords = new LinkedHashMap<Long, List<Filter.Keyword>>();
        jdbc.sql("select f.*, k.id as keyword_id, k.keyword, k.whole_word from filters f"
                        + " left join filter_keywords k on k.filter_id = f.id where " + where + " order by f.id, k.id")
                .params(params)
                .query(rs -> {
                    long id = rs.getLong("id");
                    if (!byId.containsKey(id)) {
                        var expires = rs.getTimestamp("expires_at");
                        byId.put(
                                id,
                                new Filter(
                                        id,
                                        rs.getLong("network_id"),
                                        rs.getLong("account_id"),
                                        rs.getString("title"),
                                        Arrays.asList((String[])
                                                rs.getArray("contexts").getArray()),
                                        rs.getString("action"),
                                        expires == null ? null : expires.toInstant(),
                                        rs.getTimestamp("created_at").toInstant(),
                                        List.of()));
                        keywords.put(id, new ArrayList<>());
                    }
                    long keywordId = rs.getLong("keyword_id");
                    if (!rs.wasNull()) {
                        keywords.get(id)
                                .add(new Filter.Keyword(
                                        keywordId, rs.getString("keyword"), rs.getBoolean("whole_word")));
                    }
                });
        return byId.values().stream()
                .map(f -> new Filter(
                        f.id(),
                        f.networkId(),
                        f.accountId(),
                        f.title(),
                        f.contexts(),
                        f.action(),
                        f.expiresAt(),
                        f.createdAt(),
                        List.copyOf(keywords.get(f.id()))))
                .toList();
    }
}
