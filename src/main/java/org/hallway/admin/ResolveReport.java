package org.hallway.admin;

import java.time.Clock;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator marks a report as dealt with (or opens it again); it leaves the open reports. */
@Service
public class ResolveReport {
    private final ReportStore reports;
    private final Clock clock;

    ResolveReport(ReportStore reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Transactional
    public Report handle(Viewer admin, long reportId, boolean resolved) {
        if (!admin.admin()) throw new ForbiddenException("Only administrators handle reports");
        reports.find(admin.networkId(), reportId).orElseThrow(NotFoundException::record);
        if (resolved) reports.resolve(admin.networkId(), reportId, admin.accountId(), clock.instant());
        else reports.reopen(admin.networkId(), reportId);
        return reports.find(admin.networkId(), reportId).orElseThrow(NotFoundException::record);
    }
}
