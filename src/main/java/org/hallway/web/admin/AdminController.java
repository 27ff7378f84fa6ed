package org.hallway.web.admin;

import java.util.Map;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.identity.Avatars;
import org.hallway.identity.CreateAccount;
import org.hallway.identity.DeactivateAccount;
import org.hallway.search.RebuildIndex;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: add colleagues and mark those who left. Only administrators reach /admin. */
@Controller
class AdminController {
    private static final Map<String, String> FIELDS = Map.of("display_name", "displayName");

    private final AccountStore accounts;
    private final CreateAccount create;
    private final DeactivateAccount deactivate;
    private final Avatars avatars;
    private final RebuildIndex rebuildIndex;

    AdminController(
            AccountStore accounts,
            CreateAccount create,
            DeactivateAccount deactivate,
            Avatars avatars,
            RebuildIndex rebuildIndex) {
        this.accounts = accounts;
        this.create = create;
        this.deactivate = deactivate;
        this.avatars = avatars;
        this.rebuildIndex = rebuildIndex;
    }

    @GetMapping("/admin")
    String admin(Viewer viewer, @RequestParam(name = "max_id", required = false) Long maxId, Model model) {
        if (!model.containsAttribute("form")) model.addAttribute("form", Form.empty());
        var list = accounts.list(viewer.networkId(), new PageRequest(maxId, null, null, PageRequest.MAX_LIMIT));
        model.addAttribute("title", "Administration");
        model.addAttribute("searchIndex", rebuildIndex.status());
        model.addAttribute(
                "colleagues",
                list.stream().map(a -> new Colleague(a, avatars.path(a.id()))).toList());
        model.addAttribute(
                "more",
                list.size() >= PageRequest.MAX_LIMIT
                        ? "/admin?max_id=" + list.getLast().id()
                        : null);
        return "pages/admin";
    }

    @PostMapping("/admin/colleagues")
    String add(Viewer viewer, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        var form = Form.of(
                "username",
                p.get("username"),
                "email",
                p.get("email"),
                "displayName",
                p.get("displayName"),
                "title",
                p.get("title"),
                "department",
                p.get("department"),
                "location",
                p.get("location"),
                "manager",
                p.get("manager"),
                "access",
                p.get("access"));
        try {
            var added = create.handle(new CreateAccount.Command(
                    viewer.networkId(),
                    p.get("username"),
                    p.get("email"),
                    p.get("password"),
                    p.get("displayName"),
                    p.get("title"),
                    p.get("department"),
                    p.get("location"),
                    p.get("manager"),
                    "guest".equals(p.get("access")) ? Account.Role.GUEST : Account.Role.MEMBER));
            redirect.addFlashAttribute(
                    "notice",
                    added.displayName() + " (@" + added.username() + ") can sign in now"
                            + (added.role() == Account.Role.GUEST ? ", as a guest: invite them into groups." : "."));
            return "redirect:/admin";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form.withError(e, FIELDS));
            return admin(viewer, null, model);
        }
    }

    @PostMapping("/admin/search/rebuild")
    String rebuildSearch(Viewer viewer, RedirectAttributes redirect) {
        boolean started = rebuildIndex.handle(viewer);
        redirect.addFlashAttribute(
                "notice",
                started
                        ? "Rebuilding the search index from the database. Search keeps working meanwhile."
                        : "The search index is already being rebuilt.");
        return "redirect:/admin";
    }

    @PostMapping("/admin/colleagues/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        deactivate.handle(viewer, id);
        accounts.find(viewer.networkId(), id)
                .ifPresent(a -> redirect.addFlashAttribute(
                        "notice", a.displayName() + " is deactivated and signed out everywhere."));
        return "redirect:/admin";
    }
}
