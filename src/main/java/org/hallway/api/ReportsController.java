package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.hallway.admin.FileReport;
import org.hallway.admin.ReportStore;
import org.hallway.admin.ResolveReport;
import org.hallway.api.entity.AdminReport;
import org.hallway.api.entity.Report;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reporting a colleague ({@code POST /api/v1/reports}) and the administrators' side of reports. */
@RestController
class ReportsController {
    private final FileReport file;
    private final ResolveReport resolve;
    private final ReportStore reports;
    private final ReportPresenter present;
    private final BaseUrl baseUrl;

    ReportsController(
            FileReport file, ResolveReport resolve, ReportStore reports, ReportPresenter present, BaseUrl baseUrl) {
        this.file = file;
        this.resolve = resolve;
        this.reports = reports;
        this.present = present;
        this.baseUrl = baseUrl;
    }

    @PostMapping("/api/v1/reports")
    Report create(Viewer viewer, Params params) {
        var report = file.handle(
                viewer,
                new FileReport.Command(
                        Ids.parse(params.required("account_id")),
                        params.list("status_ids").stream().map(Ids::parse).toList(),
                        params.string("comment"),
                        params.string("category"),
                        params.list("rule_ids"),
                        params.bool("forward", false)));
        return present.report(report);
    }

    /** Open reports by default; {@code resolved=true} lists the resolved ones. */
    @GetMapping("/api/v1/admin/reports")
    ResponseEntity<List<AdminReport>> list(Viewer viewer, Params params, HttpServletRequest request) {
        requireAdmin(viewer);
        var resolved = params.bool("resolved", false);
        var found = reports.list(viewer.networkId(), !resolved, Paging.from(params)).stream()
                .filter(r -> r.resolved() == resolved)
                .toList();
        return Paging.respond(
                present.adminReports(viewer, found),
                found.isEmpty() ? null : found.getLast().id(),
                found.isEmpty() ? null : found.getFirst().id(),
                request,
                baseUrl);
    }

    @GetMapping("/api/v1/admin/reports/{id}")
    AdminReport one(Viewer viewer, @PathVariable String id) {
        requireAdmin(viewer);
        var report = reports.find(viewer.networkId(), Ids.parse(id)).orElseThrow(NotFoundException::record);
        return present.adminReports(viewer, List.of(report)).getFirst();
    }

    @PostMapping("/api/v1/admin/reports/{id}/resolve")
    AdminReport resolve(Viewer viewer, @PathVariable String id) {
        requireAdmin(viewer);
        return present.adminReports(viewer, List.of(resolve.handle(viewer, Ids.parse(id), true)))
                .getFirst();
    }

    @PostMapping("/api/v1/admin/reports/{id}/reopen")
    AdminReport reopen(Viewer viewer, @PathVariable String id) {
        requireAdmin(viewer);
        return present.adminReports(viewer, List.of(resolve.handle(viewer, Ids.parse(id), false)))
                .getFirst();
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
    }
}
