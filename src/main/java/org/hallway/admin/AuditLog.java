package org.hallway.admin;

import java.util.List;
import org.hallway.shared.PageRequest;

/** Port: the audit log, newest first. */
public interface AuditLog {
    void insert(AuditEntry entry);

    List<AuditEntry> page(long networkId, PageRequest page);
}
