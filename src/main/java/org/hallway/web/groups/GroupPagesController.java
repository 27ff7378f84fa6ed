package org.hallway.web.groups;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.hallway.directory.DirectoryGroupStore;
import org.hallway.groups.AddMembers;
import org.hallway.groups.ArchiveGroup;
import org.hallway.groups.BindDirectoryGroup;
import org.hallway.groups.CreateGroup;
import org.hallway.groups.EditGroup;
import org.hallway.groups.FindGroups;
import org.hallway.groups.JoinGroup;
import org.hallway.groups.LeaveGroup;
import org.hallway.groups.Member;
import org.hallway.groups.PinPost;
import org.hallway.groups.RemoveMember;
import org.hallway.identity.AccountStore;
import org.hallway.identity.Avatars;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadGroupFeed;
import org.hallway.timeline.ReadGroupPins;
import org.hallway.web.Cards;
import org.hallway.web.FeedPages;
import org.hallway.web.Form;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The group directory, group pages with their feed, members and join buttons, the create and edit
 * form, and the administrators' approvals and invitations. Plain forms that redirect back.
 */
@Controller
class GroupPagesController {
    private static final int MEMBERS_SHOWN = 200;

    private final FindGroups find;
    private final Changes changes;
    private final ReadGroupFeed feed;
    private final AccountStore accounts;
    private final Avatars avatars;
    private final FeedPages pages;
    private final ReadGroupPins pins;
    private final Cards cards;

    /** The use cases that change groups, grouped so that this controller stays small. */
    @Component
    record Changes(
            CreateGroup create,
            EditGroup edit,
            ArchiveGroup archive,
            JoinGroup join,
            LeaveGroup leave,
            AddMembers add,
            RemoveMember remove,
            PinPost pin,
            BindDirectoryGroup bind,
            DirectoryGroupStore directoryGroups,
            TransactionTemplate transactions) {}

    GroupPagesController(
            FindGroups find,
            Changes changes,
            ReadGroupFeed feed,
            AccountStore accounts,
            Avatars avatars,
            FeedPages pages,
            ReadGroupPins pins,
            Cards cards) {
        this.pins = pins;
        this.cards = cards;
        this.find = find;
        this.changes = changes;
        this.feed = feed;
        this.accounts = accounts;
        this.avatars = avatars;
        this.pages = pages;
    }

    @GetMapping("/groups")
    String directory(Viewer viewer, Model model) {
        model.addAttribute("title", "Groups");
        model.addAttribute("mine", find.directory(viewer, true));
        model.addAttribute("groups", find.directory(viewer, false));
        return "pages/groups";
    }

    @GetMapping("/groups/new")
    String newForm(Model model) {
        model.addAttribute("title", "New group");
        model.addAttribute("form", Form.of("privacy", "public"));
        model.addAttribute("action", "/groups");
        return "pages/group-form";
    }

    @PostMapping("/groups")
    String create(Viewer viewer, @RequestParam Map<String, String> p, Model model, HttpServletResponse res) {
        try {
            var group = changes.create()
                    .handle(viewer, new CreateGroup.Command(p.get("name"), p.get("description"), p.get("privacy")));
            return "redirect:/groups/" + group.id();
        } catch (InvalidInputException e) {
            res.setStatus(422);
            model.addAttribute("title", "New group");
            model.addAttribute("form", form(p).withError(e, Map.of()));
            model.addAttribute("action", "/groups");
            return "pages/group-form";
        }
    }

    @GetMapping("/groups/{id}")
    String group(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        var page = page(viewer, id);
        model.addAttribute("title", page.group().name());
        model.addAttribute("page", page);
        model.addAttribute("compose", Form.of("visibility", "group"));
        model.addAttribute("pinned", cards.of(viewer, pins.handle(viewer, id)));
        model.addAttribute("pinGroup", page.canManage() ? id : null);
        if (!model.containsAttribute("invite")) model.addAttribute("invite", Form.empty());
        model.addAttribute(
                "empty",
                page.membership().member() || page.group().privacy() == org.hallway.groups.GroupPrivacy.PUBLIC
                        ? "Nothing posted in this group yet."
                        : "Only members read this group's posts.");
        return pages.render(
                viewer,
                feed.handle(viewer, id, FeedPages.request(maxId)),
                "/groups/" + id,
                "pages/group",
                model,
                req,
                res);
    }

    @GetMapping("/groups/{id}/edit")
    String editForm(Viewer viewer, @PathVariable long id, Model model) {
        var page = page(viewer, id);
        if (!page.canManage()) throw NotFoundException.record();
        var g = page.group();
        model.addAttribute("title", "Edit " + g.name());
        model.addAttribute(
                "form",
                Form.of(
                        "name",
                        g.name(),
                        "description",
                        g.description(),
                        "privacy",
                        g.privacy().code(),
                        "directory_group_id",
                        g.directoryGroupId() == null ? "" : Long.toString(g.directoryGroupId())));
        model.addAttribute("action", "/groups/" + id + "/edit");
        model.addAttribute("groupId", id);
        directoryChoices(viewer, model);
        return "pages/group-form";
    }

    @PostMapping("/groups/{id}/edit")
    String edit(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam Map<String, String> p,
            Model model,
            HttpServletResponse res) {
        try {
            changes.transactions().executeWithoutResult(tx -> {
                // Only network administrators see the directory choice; the form of anyone else leaves it out.
                if (p.containsKey("directory_group_id")) changes.bind().handle(viewer, id, directoryGroupId(p));
                changes.edit()
                        .handle(
                                viewer,
                                id,
                                new EditGroup.Command(p.get("name"), p.get("description"), p.get("privacy")));
            });
            return "redirect:/groups/" + id;
        } catch (InvalidInputException e) {
            res.setStatus(422);
            model.addAttribute("title", "Edit group");
            var form = form(p);
            if (p.containsKey("directory_group_id"))
                form = Form.of(
                        "name",
                        p.get("name"),
                        "description",
                        p.get("description"),
                        "privacy",
                        p.get("privacy"),
                        "directory_group_id",
                        p.get("directory_group_id"));
            model.addAttribute("form", form.withError(e, Map.of()));
            model.addAttribute("action", "/groups/" + id + "/edit");
            model.addAttribute("groupId", id);
            directoryChoices(viewer, model);
            return "pages/group-form";
        }
    }

    @PostMapping("/groups/{id}/archive")
    String archive(Viewer viewer, @PathVariable long id) {
        changes.archive().handle(viewer, id);
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/join")
    String join(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        org.hallway.groups.Membership membership;
        try {
            membership = changes.join().handle(viewer, id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
            return "redirect:/groups/" + id;
        }
        redirect.addFlashAttribute(
                "notice",
                membership.member()
                        ? "You joined the group."
                        : "Your request to join is waiting for the group's administrators.");
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/leave")
    String leave(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        try {
            changes.leave().handle(viewer, id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
            return "redirect:/groups/" + id;
        }
        // A secret group is gone for whoever left it.
        return "redirect:/groups";
    }

    @PostMapping("/groups/{id}/requests/{accountId}/{decision:approve|reject}")
    String decide(
            Viewer viewer,
            @PathVariable long id,
            @PathVariable long accountId,
            @PathVariable String decision,
            RedirectAttributes redirect) {
        boolean pending = find.requests(viewer, id, 10_000).stream().anyMatch(r -> r.accountId() == accountId);
        if (!pending) throw NotFoundException.record();
        if (decision.equals("approve")) changes.add().handle(viewer, id, List.of(accountId), Member.Role.MEMBER);
        else changes.remove().handle(viewer, id, accountId);
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/members")
    String invite(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String username,
            RedirectAttributes redirect) {
        var name = username.strip().replaceFirst("^@", "");
        try {
            var account = accounts.findByUsername(viewer.networkId(), name)
                    .orElseThrow(() -> new InvalidInputException("username", "Nobody here is called @" + name));
            changes.add().handle(viewer, id, List.of(account.id()), Member.Role.MEMBER);
            redirect.addFlashAttribute("notice", account.displayName() + " is now a member.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "invite", Form.of("username", username).withError(e, Map.of("account_ids", "username")));
        }
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/members/{accountId}/{action:remove|promote}")
    String member(
            Viewer viewer,
            @PathVariable long id,
            @PathVariable long accountId,
            @PathVariable String action,
            RedirectAttributes redirect) {
        try {
            if (action.equals("remove")) changes.remove().handle(viewer, id, accountId);
            else changes.add().handle(viewer, id, List.of(accountId), Member.Role.ADMIN);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/groups/" + id;
    }

    @PostMapping("/groups/{id}/pins/{postId}/{action:pin|unpin}")
    String pin(Viewer viewer, @PathVariable long id, @PathVariable long postId, @PathVariable String action) {
        changes.pin().handle(viewer, id, postId, action.equals("pin"));
        return "redirect:/groups/" + id;
    }

    private GroupPage page(Viewer viewer, long id) {
        var view = find.require(viewer, id);
        boolean canManage = view.membership().admin() || viewer.admin();
        var members = find.members(viewer, id, MEMBERS_SHOWN);
        var requests = canManage
                ? find.requests(viewer, id, MEMBERS_SHOWN)
                : List.<org.hallway.groups.GroupStore.JoinRequest>of();
        var ids = new java.util.ArrayList<Long>();
        members.forEach(m -> ids.add(m.accountId()));
        requests.forEach(r -> ids.add(r.accountId()));
        var people = accounts.findAll(viewer.networkId(), ids);
        var memberRows = members.stream()
                .filter(m -> people.containsKey(m.accountId()))
                .map(m -> new GroupPage.MemberRow(people.get(m.accountId()), avatars.path(m.accountId()), m.admin()))
                .toList();
        var requestRows = requests.stream()
                .filter(r -> people.containsKey(r.accountId()))
                .map(r -> new GroupPage.MemberRow(people.get(r.accountId()), avatars.path(r.accountId()), false))
                .toList();
        var bound = view.group().directoryGroupId();
        var directoryGroup = bound == null
                ? null
                : changes.directoryGroups()
                        .find(viewer.networkId(), bound)
                        .map(DirectoryGroupStore.Listed::name)
                        .orElse(null);
        return new GroupPage(view.group(), view.membership(), memberRows, requestRows, canManage, directoryGroup);
    }

    private void directoryChoices(Viewer viewer, Model model) {
        if (viewer.admin())
            model.addAttribute("directoryGroups", changes.directoryGroups().list(viewer.networkId()));
    }

    private static @org.jspecify.annotations.Nullable Long directoryGroupId(Map<String, String> p) {
        var raw = p.get("directory_group_id").strip();
        if (raw.isEmpty()) return null;
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("directory_group_id", "No such directory group");
        }
    }

    private static Form form(Map<String, String> p) {
        return Form.of("name", p.get("name"), "description", p.get("description"), "privacy", p.get("privacy"));
    }
}
