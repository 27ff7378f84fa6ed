package org.hallway.admin.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hallway.admin.Report;
import org.hallway.admin.ReportStore;
import org.hallway.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReportStore implements ReportStore {
    private static final String COLUMNS = "r.id, r.network_id, r.account_id, r.target_id, r.comment, r.category,"
            + " r.rule_ids, r.forward, r.created_at, r.resolved_at, r.resolved_by,"
            + " array(select rp.post_id from report_posts rp where rp.report_id = r.id order by rp.post_id) post_ids";

    private final JdbcClient jdbc;

    JdbcReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Report r) {
        jdbc.sql(
                        """
            insert into reports (id, network_id, account_id, target_id, comment, category, rule_ids, forward, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.networkId(),
                        r.reporterId(),
                        r.targetId(),
                        r.comment(),
                        r.category(),
                        r.ruleIds().toArray(String[]::new),
                        r.forward(),
                        Timestamp.from(r.createdAt()))
                .update();
        if (r.postIds().isEmpty()) return;
        jdbc.sql("insert into report_posts (report_id, post_id) select ?, unnest(?)")
                .params(r.id(), r.postIds().toArray(Long[]::new))
                .update();
    }

    @Override
    public Optional<Report> find(long networkId, long id) {
        return jdbc.sql("select " + COLUMNS + " from reports r where r.network_id = ? and r.id = ?")
                .params(networkId, id)
                .query(JdbcReportStore::row)
                .optional();
    }

    @Override
    public List<Report> list(long networkId, boolean openOnly, PageRequest page) {
        var order = page.ascending() ? "asc" : "desc";
        var list = jdbc.sql("select " + COLUMNS + " from reports r where r.network_id = :network"
                        + (openOnly ? " and r.resolved_at is null" : "")
                        + " and r.id < :max and r.id > :min order by r.id " + order + " limit :limit")
                .param("network", networkId)
                .param("max", page.upperBound())
                .param("min", page.lowerBound())
                .param("limit", page.limit())
                .query(JdbcReportStore::row)
                .list();
        return page.ascending() ? list.reversed() : list;
    }

    @Override
    public boolean resolve(long networkId, long id, long adminId, Instant at) {
        return jdbc.sql("update reports set resolved_at = ?, resolved_by = ?"
                                + " where network_id = ? and id = ? and resolved_at is null")
                        .params(Timestamp.from(at), adminId, networkId, id)
                        .update()
                > 0;
    }

    @Override
    public boolean reopen(long networkId, long id) {
        return jdbc.sql("update reports set resolved_at = null, resolved_by = null where network_id = ? and id = ?")
                        .params(networkId, id)
                        .update()
                > 0;
    }

    private static Report row(ResultSet rs, int n) throws SQLException {
        var resolvedAt = rs.getTimestamp("resolved_at");
        return new Report(
                rs.getLong("id"),
                rs.getLong("network_id"),
                rs.getLong("account_id"),
                rs.getLong("target_id"),
                rs.getString("comment"),
                rs.getString("category"),
                strings(rs.getArray("rule_ids")),
                rs.getBoolean("forward"),
                longs(rs.getArray("post_ids")),
                rs.getTimestamp("created_at").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getObject("resolved_by", Long.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }
}
