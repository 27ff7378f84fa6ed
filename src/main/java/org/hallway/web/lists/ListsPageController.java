package org.hallway.web.lists;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ChangeListMembers;
import org.hallway.timeline.CreateList;
import org.hallway.timeline.DeleteList;
import org.hallway.timeline.FeedList;
import org.hallway.timeline.ListStore;
import org.hallway.timeline.ReadListFeed;
import org.hallway.web.FeedPages;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The lists pages: one's lists, a new list, and each list's feed with its members. */
@Controller
class ListsPageController {
    private final ListStore lists;
    private final CreateList createList;
    private final DeleteList deleteList;
    private final ChangeListMembers members;
    private final ReadListFeed feed;
    private final AccountStore accounts;
    private final FeedPages pages;

    ListsPageController(
            ListStore lists,
            CreateList createList,
            DeleteList deleteList,
            ChangeListMembers members,
            ReadListFeed feed,
            AccountStore accounts,
            FeedPages pages) {
        this.lists = lists;
        this.createList = createList;
        this.deleteList = deleteList;
        this.members = members;
        this.feed = feed;
        this.accounts = accounts;
        this.pages = pages;
    }

    @GetMapping("/lists")
    String index(Viewer viewer, Model model) {
        return index(viewer, Form.empty(), model);
    }

    @PostMapping("/lists")
    String create(Viewer viewer, @RequestParam(defaultValue = "") String title, Model model) {
        try {
            var list = createList.handle(viewer, new CreateList.Command(title, null, false));
            return "redirect:/lists/" + list.id();
        } catch (InvalidInputException e) {
            return index(viewer, Form.of("title", title).withError(e, Map.of()), model);
        }
    }

    @GetMapping("/lists/{id}")
    String show(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        return show(viewer, id, maxId, Form.empty(), model, req, res);
    }

    @PostMapping("/lists/{id}/members")
    String add(
            Viewer viewer,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String username,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        var form = Form.of("username", username);
        try {
            var name = username.strip().replaceFirst("^@", "");
            var account = accounts.findByUsername(viewer.networkId(), name)
                    .filter(org.hallway.identity.Account::active)
                    .orElseThrow(() -> new InvalidInputException("username", "No colleague is called @" + name));
            members.add(viewer, id, List.of(account.id()));
            return "redirect:/lists/" + id;
        } catch (InvalidInputException e) {
            res.setStatus(422);
            return show(viewer, id, null, form.withError(e, Map.of("account_ids", "username")), model, req, res);
        }
    }

    @PostMapping("/lists/{id}/members/{accountId}/remove")
    String remove(Viewer viewer, @PathVariable long id, @PathVariable long accountId) {
        members.remove(viewer, id, List.of(accountId));
        return "redirect:/lists/" + id;
    }

    @PostMapping("/lists/{id}/delete")
    String delete(Viewer viewer, @PathVariable long id) {
        deleteList.handle(viewer, id);
        return "redirect:/lists";
    }

    private String index(Viewer viewer, Form form, Model model) {
        model.addAttribute("lists", lists.ofAccount(viewer.accountId()));
        model.addAttribute("form", form);
        return "pages/lists";
    }

    private String show(
            Viewer viewer,
            long id,
            Long maxId,
            Form form,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        FeedList list = lists.find(viewer.accountId(), id).orElseThrow(NotFoundException::record);
        var ids = lists.members(list.id());
        var found = accounts.findAll(viewer.networkId(), ids);
        model.addAttribute("list", list);
        model.addAttribute(
                "members", ids.stream().map(found::get).filter(Objects::nonNull).toList());
        model.addAttribute("form", form);
        model.addAttribute("title", list.title());
        return pages.render(
                viewer,
                feed.handle(viewer, id, FeedPages.request(maxId)),
                "/lists/" + id,
                "pages/list",
                model,
                req,
                res);
    }
}
