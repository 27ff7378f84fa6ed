package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.Status;
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
import org.hallway.timeline.UpdateList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mastodon's lists: a reader's own lists of people they follow, their members, and each list's feed. */
@RestController
class ListsController {
    private final ListStore lists;
    private final CreateList createList;
    private final UpdateList updateList;
    private final DeleteList deleteList;
    private final ChangeListMembers members;
    private final ReadListFeed feed;
    private final AccountStore accounts;
    private final Presenter presenter;
    private final BaseUrl baseUrl;

    ListsController(
            ListStore lists,
            CreateList createList,
            UpdateList updateList,
            DeleteList deleteList,
            ChangeListMembers members,
            ReadListFeed feed,
            AccountStore accounts,
            Presenter presenter,
            BaseUrl baseUrl) {
        this.lists = lists;
        this.createList = createList;
        this.updateList = updateList;
        this.deleteList = deleteList;
        this.members = members;
        this.feed = feed;
        this.accounts = accounts;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/lists")
    List<Map<String, Object>> index(Viewer viewer) {
        return lists.ofAccount(viewer.accountId()).stream()
                .map(ListsController::entity)
                .toList();
    }

    @GetMapping("/api/v1/lists/{id}")
    Map<String, Object> show(Viewer viewer, @PathVariable String id) {
        return entity(require(viewer, id));
    }

    @PostMapping("/api/v1/lists")
    Map<String, Object> create(Viewer viewer, Params params) {
        return entity(createList.handle(
                viewer,
                new CreateList.Command(
                        params.string("title"), params.string("replies_policy"), params.bool("exclusive", false))));
    }

    @PutMapping("/api/v1/lists/{id}")
    Map<String, Object> update(Viewer viewer, @PathVariable String id, Params params) {
        return entity(updateList.handle(
                viewer,
                Ids.parse(id),
                new UpdateList.Command(
                        params.string("title"), params.string("replies_policy"), params.boolOrNull("exclusive"))));
    }

    @DeleteMapping("/api/v1/lists/{id}")
    Map<String, Object> delete(Viewer viewer, @PathVariable String id) {
        deleteList.handle(viewer, Ids.parse(id));
        return Map.of();
    }

    @GetMapping("/api/v1/lists/{id}/accounts")
    List<Account> accounts(Viewer viewer, @PathVariable String id) {
        var list = require(viewer, id);
        var ids = lists.members(list.id());
        var found = accounts.findAll(viewer.networkId(), ids);
        return presenter.accounts(
                ids.stream().map(found::get).filter(Objects::nonNull).toList());
    }

    @PostMapping("/api/v1/lists/{id}/accounts")
    Map<String, Object> addAccounts(Viewer viewer, @PathVariable String id, Params params) {
        members.add(viewer, Ids.parse(id), accountIds(params));
        return Map.of();
    }

    @DeleteMapping("/api/v1/lists/{id}/accounts")
    Map<String, Object> removeAccounts(Viewer viewer, @PathVariable String id, Params params) {
        members.remove(viewer, Ids.parse(id), accountIds(params));
        return Map.of();
    }

    @GetMapping("/api/v1/accounts/{id}/lists")
    List<Map<String, Object>> listsOf(Viewer viewer, @PathVariable String id) {
        var account = accounts.find(viewer.networkId(), Ids.parse(id)).orElseThrow(NotFoundException::record);
        return lists.containing(viewer.accountId(), account.id()).stream()
                .map(ListsController::entity)
                .toList();
    }

    @GetMapping("/api/v1/timelines/list/{id}")
    ResponseEntity<List<Status>> timeline(
            Viewer viewer, @PathVariable String id, Params params, HttpServletRequest request) {
        var page = feed.handle(viewer, Ids.parse(id), Paging.from(params));
        return Paging.respond(
                presenter.statuses(viewer, "home", page.items()), page.nextMaxId(), page.prevMinId(), request, baseUrl);
    }

    private FeedList require(Viewer viewer, String id) {
        return lists.find(viewer.accountId(), Ids.parse(id)).orElseThrow(NotFoundException::record);
    }

    private static List<Long> accountIds(Params params) {
        var ids = new ArrayList<Long>();
        for (var raw : params.list("account_ids")) {
            try {
                ids.add(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("account_ids", "account_ids must be account ids");
            }
        }
        return ids;
    }

    /** Mastodon's List entity. */
    private static Map<String, Object> entity(FeedList list) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", Long.toString(list.id()));
        body.put("title", list.title());
        body.put("replies_policy", list.repliesPolicy());
        body.put("exclusive", list.exclusive());
        return body;
    }
}
