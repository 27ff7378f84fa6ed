package org.hallway.follow.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.hallway.follow.NoteStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNoteStore implements NoteStore {
    private final JdbcClient jdbc;

    JdbcNoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(long networkId, long accountId, long targetId, String comment, Instant at) {
        if (comment.isEmpty()) {
            jdbc.sql("delete from account_notes where account_id = ? and target_id = ?")
                    .params(accountId, targetId)
                    .update();
            return;
        }
        jdbc.sql(
                        """
            insert into account_notes (network_id, account_id, target_id, comment, updated_at)
            values (?, ?, ?, ?, ?)
            on conflict (account_id, target_id) do update set
              comment = excluded.comment, updated_at = excluded.updated_at""")
                .params(networkId, accountId, targetId, comment, Timestamp.from(at))
                .update();
    }

    @Override
    public Map<Long, String> notesAmong(long accountId, Collection<Long> targetIds) {
        var notes = new HashMap<Long, String>();
        if (targetIds.isEmpty()) return notes;
        jdbc.sql("select target_id, comment from account_notes where account_id = ? and target_id = any(?)")
                .params(accountId, targetIds.toArray(Long[]::new))
                .query(rs -> {
                    notes.put(rs.getLong(1), rs.getString(2));
                });
        return notes;
    }
}
