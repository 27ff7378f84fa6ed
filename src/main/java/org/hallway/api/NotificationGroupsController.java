package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.admin.ReportStore;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.GroupedNotificationsResults;
import org.hallway.api.entity.NotificationGroup;
import org.hallway.api.entity.Status;
import org.hallway.notify.NotificationGroupView;
import org.hallway.notify.NotificationQuery;
import org.hallway.notify.NotificationType;
import org.hallway.notify.ReadNotificationGroups;
import org.hallway.posts.PostView;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mastodon 4.3's grouped notifications ({@code /api/v2/notifications}): likes of one post, reposts of
 * one post and new followers come as one group each, with the accounts and statuses they name listed
 * once. Pages are of groups, ordered by their newest notification; {@code max_id}, {@code since_id}
 * and {@code min_id} are notification ids, as the {@code page_min_id} and {@code page_max_id} of the
 * groups give them (the {@code Link} header carries them).
 */
@RestController
class NotificationGroupsController {
    private static final int DEFAULT_LIMIT = 40;
    private static final int MAX_LIMIT = 80;

    private final ReadNotificationGroups read;
    private final Presenter presenter;
    private final ReportStore reports;
    private final ReportPresenter reportPresenter;
    private final BaseUrl baseUrl;

    NotificationGroupsController(
            ReadNotificationGroups read,
            Presenter presenter,
            ReportStore reports,
            ReportPresenter reportPresenter,
            BaseUrl baseUrl) {
        this.read = read;
        this.presenter = presenter;
        this.reports = reports;
        this.reportPresenter = reportPresenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v2/notifications")
    ResponseEntity<GroupedNotificationsResults> list(Viewer viewer, Params params, HttpServletRequest request) {
        int limit = Math.max(1, Math.min(params.integer("limit", DEFAULT_LIMIT), MAX_LIMIT));
        var page = new PageRequest(params.id("max_id"), params.id("since_id"), params.id("min_id"), limit);
        var groups = read.handle(viewer, query(params), params.list("grouped_types"), page);
        return Paging.respond(
                results(viewer, groups, true),
                groups.isEmpty() ? null : groups.getLast().pageMaxId(),
                groups.isEmpty() ? null : groups.getFirst().pageMaxId(),
                request,
                baseUrl);
    }

    @GetMapping("/api/v2/notifications/unread_count")
    Map<String, Integer> unreadCount(Viewer viewer, Params params) {
        return Map.of(
                "count",
                read.unread(viewer, query(params), params.list("grouped_types"), params.integer("limit", 100)));
    }

    @GetMapping("/api/v2/notifications/{key}")
    GroupedNotificationsResults one(Viewer viewer, @PathVariable String key) {
        return results(viewer, List.of(read.one(viewer, key)), false);
    }

    @PostMapping("/api/v2/notifications/{key}/dismiss")
    Map<String, Object> dismiss(Viewer viewer, @PathVariable String key) {
        read.dismiss(viewer, key);
        return Map.of();
    }

    private static NotificationQuery query(Params params) {
        return new NotificationQuery(params.list("types"), params.list("exclude_types"), params.id("account_id"));
    }

    private GroupedNotificationsResults results(Viewer viewer, List<NotificationGroupView> groups, boolean paged) {
        var accounts = new LinkedHashMap<Long, org.hallway.identity.Account>();
        var posts = new LinkedHashMap<Long, PostView>();
        for (var g : groups) {
            g.sampleAccounts().forEach(a -> accounts.putIfAbsent(a.id(), a));
            accounts.putIfAbsent(g.latest().actor().id(), g.latest().actor());
            var post = g.latest().post();
            if (post != null) posts.putIfAbsent(post.post().id(), post);
        }
        List<Account> presentedAccounts = presenter.accounts(accounts.values());
        List<Status> statuses = presenter.statuses(viewer, "notifications", new ArrayList<>(posts.values()));
        var result = new ArrayList<NotificationGroup>(groups.size());
        for (var g : groups) {
            var n = g.latest().notification();
            var post = g.latest().post();
            var report = n.type() == NotificationType.ADMIN_REPORT && n.sourceId() != null && viewer.admin()
                    ? reports.find(viewer.networkId(), n.sourceId())
                            .map(reportPresenter::report)
                            .orElse(null)
                    : null;
            result.add(new NotificationGroup(
                    g.key(),
                    g.count(),
                    n.type().apiCode(),
                    Long.toString(n.id()),
                    paged ? Long.toString(g.pageMinId()) : null,
                    paged ? Long.toString(g.pageMaxId()) : null,
                    paged ? Presenter.time(n.createdAt()) : null,
                    g.sampleAccounts().stream().map(a -> Long.toString(a.id())).toList(),
                    post == null ? null : Long.toString(post.post().id()),
                    report));
        }
        return new GroupedNotificationsResults(presentedAccounts, statuses, result);
    }
}
