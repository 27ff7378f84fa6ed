package org.hallway.web.admin;

import java.util.List;
import org.hallway.admin.ReadAuditLog;
import org.hallway.directory.IdentitySources;
import org.hallway.directory.SwitchLocalPasswords;
import org.hallway.directory.SyncDirectory;
import org.hallway.directory.SyncRun;
import org.hallway.directory.SyncRunStore;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of sign-in and the company directory: LDAP syncs, local passwords, the audit log. */
@Controller
class DirectoryAdminController {
    private final IdentitySources sources;
    private final SyncDirectory sync;
    private final SyncRunStore runs;
    private final SwitchLocalPasswords localPasswords;
    private final ReadAuditLog audit;
    private final AccountStore accounts;

    DirectoryAdminController(
            IdentitySources sources,
            SyncDirectory sync,
            SyncRunStore runs,
            SwitchLocalPasswords localPasswords,
            ReadAuditLog audit,
            AccountStore accounts) {
        this.sources = sources;
        this.sync = sync;
        this.runs = runs;
        this.localPasswords = localPasswords;
        this.audit = audit;
        this.accounts = accounts;
    }

    @GetMapping("/admin/directory")
    String directory(Viewer viewer, Model model) {
        var latest = runs.latest(viewer.networkId(), 10);
        model.addAttribute("title", "Sign-in and directory");
        model.addAttribute("ldap", sources.ldap() && sources.singleSignOn(viewer.networkId()));
        model.addAttribute("oidc", sources.singleSignOn(viewer.networkId()) ? sources.oidcName() : null);
        model.addAttribute("sso", sources.singleSignOn(viewer.networkId()));
        model.addAttribute("localPasswords", localPasswords.enabled(viewer.networkId()));
        model.addAttribute("runs", latest);
        model.addAttribute("alert", alert(latest));
        return "pages/admin-directory";
    }

    @PostMapping("/admin/directory/sync")
    String syncNow(Viewer viewer, RedirectAttributes redirect) {
        try {
            var run = sync.handle(viewer);
            if (run.succeeded()) {
                redirect.addFlashAttribute(
                        "notice",
                        "Synced: " + run.created() + " added, " + run.updated() + " updated, " + run.deactivated()
                                + " deactivated.");
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/directory";
    }

    @PostMapping("/admin/directory/local-passwords")
    String switchLocalPasswords(Viewer viewer, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            localPasswords.handle(viewer, enabled);
            redirect.addFlashAttribute(
                    "notice",
                    enabled
                            ? "Colleagues can sign in with a Hallway password again."
                            : "Hallway passwords are off: colleagues sign in through single sign-on.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/directory";
    }

    @GetMapping("/admin/audit")
    String auditLog(Viewer viewer, @RequestParam(name = "max_id", required = false) Long maxId, Model model) {
        var entries = audit.handle(viewer, new PageRequest(maxId, null, null, PageRequest.MAX_LIMIT));
        var ids = new java.util.HashSet<Long>();
        for (var e : entries) {
            if (e.actorId() != null) ids.add(e.actorId());
            if (e.subjectId() != null) ids.add(e.subjectId());
        }
        var people = accounts.findAll(viewer.networkId(), ids);
        model.addAttribute("title", "Audit log");
        model.addAttribute(
                "rows",
                entries.stream()
                        .map(e -> new AuditRow(e, name(people.get(e.actorId())), name(people.get(e.subjectId()))))
                        .toList());
        model.addAttribute(
                "more",
                entries.size() >= PageRequest.MAX_LIMIT
                        ? "/admin/audit?max_id=" + entries.getLast().id()
                        : null);
        return "pages/admin-audit";
    }

    private static String name(Account a) {
        return a == null ? "" : a.displayName() + " (@" + a.username() + ")";
    }

    /** The warning administrators must see: the last sync changed nothing because something was wrong. */
    static String alert(List<SyncRun> latest) {
        if (latest.isEmpty() || latest.getFirst().succeeded()) return null;
        var last = latest.getFirst();
        return (last.outcome() == SyncRun.Outcome.FAILED
                        ? "The last directory sync failed. "
                        : "The last directory sync was stopped. ")
                + last.message();
    }
}
