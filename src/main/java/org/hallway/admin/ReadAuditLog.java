package org.hallway.admin;

import java.util.List;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/** One page of the network's audit log, for administrators only; to anyone else it does not exist. */
@Service
public class ReadAuditLog {
    private final AuditLog log;

    ReadAuditLog(AuditLog log) {
        this.log = log;
    }

    public List<AuditEntry> handle(Viewer viewer, PageRequest page) {
        if (!viewer.admin()) throw NotFoundException.record();
        return log.page(viewer.networkId(), page);
    }
}
