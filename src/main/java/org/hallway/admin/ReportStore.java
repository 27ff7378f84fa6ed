package org.hallway.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.PageRequest;

/** Port: reports and the posts they name. */
public interface ReportStore {
    void insert(Report report);

    Optional<Report> find(long networkId, long id);

    /** The network's reports, newest first: the open ones only, or all. */
    List<Report> list(long networkId, boolean openOnly, PageRequest page);

    /** Marks the report resolved by the administrator; false when it was resolved already. */
    boolean resolve(long networkId, long id, long adminId, Instant at);

    /** Opens a resolved report again. */
    boolean reopen(long networkId, long id);
}
