package org.hallway.admin.jdbc;

import java.sql.Timestamp;
import java.util.List;
import org.hallway.admin.AuditEntry;
import org.hallway.admin.AuditLog;
import org.hallway.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditLog implements AuditLog {
    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(AuditEntry e) {
        jdbc.sql("insert into audit_log (id, network_id, at, action, actor_id, subject_id, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.networkId(),
                        Timestamp.from(e.at()),
                        e.action(),
                        e.actorId(),
                        e.subjectId(),
                        e.detail())
                .update();
    }

    @Override
    public List<AuditEntry> page(long networkId, PageRequest page) {
        return jdbc.sql("select * from audit_log where network_id = ? and id < ? and id > ? order by id desc limit ?")
                .params(networkId, page.upperBound(), page.lowerBound(), page.limit())
                .query((rs, n) -> {
                    long actor = rs.getLong("actor_id");
                    Long actorId = rs.wasNull() ? null : actor;
                    long subject = rs.getLong("subject_id");
                    Long subjectId = rs.wasNull() ? null : subject;
                    return new AuditEntry(
                            rs.getLong("id"),
                            rs.getLong("network_id"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("action"),
                            actorId,
                            subjectId,
                            rs.getString("detail"));
                })
                .list();
    }
}
