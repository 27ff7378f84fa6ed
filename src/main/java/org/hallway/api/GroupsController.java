package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.Group;
import org.hallway.api.entity.GroupMember;
import org.hallway.api.entity.Status;
import org.hallway.groups.AddMembers;
import org.hallway.groups.ArchiveGroup;
import org.hallway.groups.BindDirectoryGroup;
import org.hallway.groups.CreateGroup;
import org.hallway.groups.EditGroup;
import org.hallway.groups.FindGroups;
import org.hallway.groups.JoinGroup;
import org.hallway.groups.LeaveGroup;
import org.hallway.groups.Member;
import org.hallway.groups.Membership;
import org.hallway.groups.PinPost;
import org.hallway.groups.RemoveMember;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadGroupFeed;
import org.hallway.timeline.ReadGroupPins;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hallway's groups, in Mastodon's style: the directory, one group, creating, editing and archiving,
 * joining and leaving, members, join requests and the group feed. A secret group is "not found" to
 * anyone outside it, whatever the route.
 */
@RestController
class GroupsController {
    private final FindGroups find;
    private final Changes changes;
    private final ReadGroupFeed feed;
    private final AccountStore accounts;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final ReadGroupPins pins;

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
            TransactionTemplate transactions) {}

    GroupsController(
            FindGroups find,
            Changes changes,
            ReadGroupFeed feed,
            AccountStore accounts,
            Presenter presenter,
            BaseUrl baseUrl,
            ReadGroupPins pins) {
        this.pins = pins;
        this.find = find;
        this.changes = changes;
        this.feed = feed;
        this.accounts = accounts;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/groups")
    List<Group> directory(Viewer viewer, Params params) {
        return find.directory(viewer, params.bool("mine", false)).stream()
                .map(v -> group(v.group(), v.membership()))
                .toList();
    }

    @PostMapping("/api/v1/groups")
    Group create(Viewer viewer, Params params) {
        var group = changes.create()
                .handle(
                        viewer,
                        new CreateGroup.Command(
                                params.string("name"), params.string("description"), params.string("privacy")));
        return show(viewer, Long.toString(group.id()));
    }

    @GetMapping("/api/v1/groups/{id}")
    Group show(Viewer viewer, @PathVariable String id) {
        var view = find.require(viewer, Ids.parse(id));
        return group(view.group(), view.membership());
    }

    @PutMapping("/api/v1/groups/{id}")
    Group edit(Viewer viewer, @PathVariable String id, Params params) {
        // Hallway: directory_group_id binds the group to a directory group ("" unbinds); all or nothing with the edit.
        changes.transactions().executeWithoutResult(tx -> {
            if (params.has("directory_group_id"))
                changes.bind().handle(viewer, Ids.parse(id), params.id("directory_group_id"));
            changes.edit()
                    .handle(
                            viewer,
                            Ids.parse(id),
                            new EditGroup.Command(
                                    params.string("name"), params.string("description"), params.string("privacy")));
        });
        return show(viewer, id);
    }

    @DeleteMapping("/api/v1/groups/{id}")
    Group archive(Viewer viewer, @PathVariable String id) {
        changes.archive().handle(viewer, Ids.parse(id));
        return show(viewer, id);
    }

    @PostMapping("/api/v1/groups/{id}/join")
    Group join(Viewer viewer, @PathVariable String id) {
        changes.join().handle(viewer, Ids.parse(id));
        return show(viewer, id);
    }

    @PostMapping("/api/v1/groups/{id}/leave")
    Map<String, Object> leave(Viewer viewer, @PathVariable String id) {
        // After leaving a secret group the group is gone for the leaver: answer with the standing only.
        var membership = changes.leave().handle(viewer, Ids.parse(id));
        return Map.of("id", id, "relationship", relationship(membership));
    }

    @GetMapping("/api/v1/groups/{id}/members")
    List<GroupMember> members(Viewer viewer, @PathVariable String id, Params params) {
        var list = find.members(viewer, Ids.parse(id), Math.min(params.integer("limit", 80), 500));
        return members(viewer, list);
    }

    @PostMapping("/api/v1/groups/{id}/members")
    List<GroupMember> add(Viewer viewer, @PathVariable String id, Params params) {
        var role = params.string("role") == null ? "member" : params.string("role");
        if (!role.equals("member") && !role.equals("admin"))
            throw new InvalidInputException("role", "Role must be member or admin");
        var added = changes.add().handle(viewer, Ids.parse(id), accountIds(params), Member.Role.of(role));
        return members(viewer, added);
    }

    @DeleteMapping("/api/v1/groups/{id}/members")
    Map<String, Object> remove(Viewer viewer, @PathVariable String id, Params params) {
        for (var accountId : accountIds(params)) changes.remove().handle(viewer, Ids.parse(id), accountId);
        return Map.of();
    }

    @DeleteMapping("/api/v1/groups/{id}/members/{accountId}")
    Map<String, Object> removeOne(Viewer viewer, @PathVariable String id, @PathVariable String accountId) {
        changes.remove().handle(viewer, Ids.parse(id), Ids.parse(accountId));
        return Map.of();
    }

    @GetMapping("/api/v1/groups/{id}/membership_requests")
    List<org.hallway.api.entity.Account> requests(Viewer viewer, @PathVariable String id) {
        var requests = find.requests(viewer, Ids.parse(id), 200);
        var people = accounts.findAll(
                viewer.networkId(), requests.stream().map(r -> r.accountId()).toList());
        return presenter.accounts(requests.stream()
                .map(r -> people.get(r.accountId()))
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    @PostMapping("/api/v1/groups/{id}/membership_requests/{accountId}/authorize")
    Map<String, Object> authorize(Viewer viewer, @PathVariable String id, @PathVariable String accountId) {
        long groupId = Ids.parse(id);
        long account = Ids.parse(accountId);
        boolean pending = find.requests(viewer, groupId, 10_000).stream().anyMatch(r -> r.accountId() == account);
        if (!pending) throw org.hallway.shared.NotFoundException.record();
        changes.add().handle(viewer, groupId, List.of(account), Member.Role.MEMBER);
        return Map.of();
    }

    @PostMapping("/api/v1/groups/{id}/membership_requests/{accountId}/reject")
    Map<String, Object> reject(Viewer viewer, @PathVariable String id, @PathVariable String accountId) {
        long groupId = Ids.parse(id);
        long account = Ids.parse(accountId);
        boolean pending = find.requests(viewer, groupId, 10_000).stream().anyMatch(r -> r.accountId() == account);
        if (!pending) throw org.hallway.shared.NotFoundException.record();
        changes.remove().handle(viewer, groupId, account);
        return Map.of();
    }

    @GetMapping("/api/v1/groups/{id}/pins")
    List<Status> pins(Viewer viewer, @PathVariable String id) {
        return presenter.statuses(pins.handle(viewer, Ids.parse(id)));
    }

    @PostMapping("/api/v1/groups/{id}/pins")
    List<Status> pin(Viewer viewer, @PathVariable String id, Params params) {
        var statusId = params.id("status_id");
        if (statusId == null) throw new InvalidInputException("status_id", "status_id is missing");
        changes.pin().handle(viewer, Ids.parse(id), statusId, true);
        return pins(viewer, id);
    }

    @DeleteMapping("/api/v1/groups/{id}/pins/{statusId}")
    List<Status> unpin(Viewer viewer, @PathVariable String id, @PathVariable String statusId) {
        changes.pin().handle(viewer, Ids.parse(id), Ids.parse(statusId), false);
        return pins(viewer, id);
    }

    @GetMapping("/api/v1/timelines/group/{id}")
    ResponseEntity<List<Status>> timeline(
            Viewer viewer, @PathVariable String id, Params params, HttpServletRequest request) {
        var page = feed.handle(viewer, Ids.parse(id), Paging.from(params));
        return Paging.respond(
                presenter.statuses(viewer, "home", page.items()), page.nextMaxId(), page.prevMinId(), request, baseUrl);
    }

    private static List<Long> accountIds(Params params) {
        var raw = new ArrayList<String>(params.list("account_ids"));
        raw.addAll(params.list("account_id"));
        var ids = new ArrayList<Long>();
        for (var s : raw) {
            try {
                ids.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("account_ids", "Not a valid account id: " + s);
            }
        }
        if (ids.isEmpty()) throw new InvalidInputException("account_ids", "account_ids is missing");
        return ids;
    }

    private List<GroupMember> members(Viewer viewer, List<Member> list) {
        var people = accounts.findAll(
                viewer.networkId(), list.stream().map(Member::accountId).toList());
        var present =
                list.stream().filter(m -> people.containsKey(m.accountId())).toList();
        var entities = presenter.accounts(
                present.stream().map(m -> people.get(m.accountId())).toList());
        var result = new ArrayList<GroupMember>(present.size());
        for (int i = 0; i < present.size(); i++) {
            var m = present.get(i);
            result.add(new GroupMember(entities.get(i), m.role().code(), Presenter.time(m.createdAt())));
        }
        return result;
    }

    private Group group(org.hallway.groups.Group g, Membership membership) {
        return new Group(
                Long.toString(g.id()),
                g.name(),
                g.description(),
                g.privacy().code(),
                baseUrl.get() + "/groups/" + g.id(),
                Presenter.time(g.createdAt()),
                g.archived(),
                g.membersCount(),
                relationship(membership),
                g.directoryGroupId() == null ? null : Long.toString(g.directoryGroupId()));
    }

    private static Group.Relationship relationship(Membership m) {
        return new Group.Relationship(
                m.member(), m.role() == null ? null : m.role().code(), m.requested());
    }
}
