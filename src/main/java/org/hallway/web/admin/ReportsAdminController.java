package org.hallway.web.admin;

import java.util.ArrayList;
import java.util.List;
import org.hallway.admin.ReportStore;
import org.hallway.admin.ResolveReport;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.web.Cards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration: the open reports, newest first, each with the posts it names (those the administrator
 * may see; the others are counted, not shown), and a button to mark it resolved.
 */
@Controller
class ReportsAdminController {
    private final ReportStore reports;
    private final ResolveReport resolve;
    private final AccountStore accounts;
    private final FindPosts posts;
    private final Cards cards;

    ReportsAdminController(
            ReportStore reports, ResolveReport resolve, AccountStore accounts, FindPosts posts, Cards cards) {
        this.reports = reports;
        this.resolve = resolve;
        this.accounts = accounts;
        this.posts = posts;
        this.cards = cards;
    }

    @GetMapping("/admin/reports")
    String page(Viewer viewer, Model model) {
        var open = reports.list(viewer.networkId(), true, PageRequest.first(PageRequest.MAX_LIMIT));
        var ids = new ArrayList<Long>();
        open.forEach(r -> {
            ids.add(r.reporterId());
            ids.add(r.targetId());
        });
        var people =
                accounts.findAll(viewer.networkId(), ids.stream().distinct().toList());
        List<ReportRow> rows = open.stream()
                .map(r -> {
                    var shown = posts.hydrate(viewer, r.postIds());
                    return new ReportRow(
                            r,
                            people.get(r.reporterId()),
                            people.get(r.targetId()),
                            cards.of(viewer, shown),
                            r.postIds().size() - shown.size());
                })
                .toList();
        model.addAttribute("title", "Reports");
        model.addAttribute("rows", rows);
        return "pages/admin-reports";
    }

    @PostMapping("/admin/reports/{id}/resolve")
    String resolve(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        resolve.handle(viewer, id, true);
        redirect.addFlashAttribute("notice", "The report is resolved.");
        return "redirect:/admin/reports";
    }
}
