package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.Notification;
import org.hallway.api.entity.Status;
import org.hallway.api.streaming.StreamedNotifications;
import org.hallway.notify.ClearNotifications;
import org.hallway.notify.CountUnreadNotifications;
import org.hallway.notify.DismissNotification;
import org.hallway.notify.FindNotification;
import org.hallway.notify.NotificationQuery;
import org.hallway.notify.NotificationView;
import org.hallway.notify.ReadNotifications;
import org.hallway.posts.PostView;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mastodon's notifications: the list with type filters and paging, one, dismiss, clear, unread count. */
@RestController
class NotificationsController implements StreamedNotifications {
    private final ReadNotifications read;
    private final FindNotification find;
    private final DismissNotification dismiss;
    private final ClearNotifications clear;
    private final CountUnreadNotifications unread;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final org.hallway.admin.ReportStore reports;
    private final ReportPresenter reportPresenter;

    NotificationsController(
            ReadNotifications read,
            FindNotification find,
            DismissNotification dismiss,
            ClearNotifications clear,
            CountUnreadNotifications unread,
            Presenter presenter,
            BaseUrl baseUrl,
            org.hallway.admin.ReportStore reports,
            ReportPresenter reportPresenter) {
        this.reports = reports;
        this.reportPresenter = reportPresenter;
        this.read = read;
        this.find = find;
        this.dismiss = dismiss;
        this.clear = clear;
        this.unread = unread;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/notifications")
    ResponseEntity<List<Notification>> list(Viewer viewer, Params params, HttpServletRequest request) {
        var page = read.handle(viewer, query(params), Paging.from(params));
        return Paging.respond(present(viewer, page.items()), page.nextMaxId(), page.prevMinId(), request, baseUrl);
    }

    @GetMapping("/api/v1/notifications/unread_count")
    Map<String, Integer> unreadCount(Viewer viewer, Params params) {
        return Map.of(
                "count",
                unread.handle(viewer, query(params), params.integer("limit", CountUnreadNotifications.DEFAULT_LIMIT)));
    }

    @GetMapping("/api/v1/notifications/{id}")
    Notification one(Viewer viewer, @PathVariable String id) {
        return present(viewer, List.of(find.handle(viewer, Ids.parse(id)))).getFirst();
    }

    @PostMapping({"/api/v1/notifications/{id}/dismiss", "/api/v1/notifications/dismiss"})
    Map<String, Object> dismiss(Viewer viewer, @PathVariable(required = false) String id, Params params) {
        // Compat(mastodon): the old form takes the id as a parameter.
        dismiss.handle(viewer, Ids.parse(id != null ? id : params.required("id")));
        return Map.of();
    }

    @PostMapping("/api/v1/notifications/clear")
    Map<String, Object> clear(Viewer viewer) {
        clear.handle(viewer);
        return Map.of();
    }

    private static NotificationQuery query(Params params) {
        return new NotificationQuery(params.list("types"), params.list("exclude_types"), params.id("account_id"));
    }

    /**
     * The notification as streamed to Mastodon apps; nothing when the reader may no longer see it, or when
     * it is of a type of Hallway's own, which Mastodon apps do not know (ADR 0022).
     */
    @Override
    public Optional<Object> render(Viewer viewer, long notificationId) {
        try {
            var view = find.handle(viewer, notificationId);
            if (view.notification().type().extension()) return Optional.empty();
            return Optional.of(present(viewer, List.of(view)).getFirst());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private List<Notification> present(Viewer viewer, List<NotificationView> views) {
        if (views.isEmpty()) return List.of();
        var postViews = views.stream()
                .map(NotificationView::post)
                .filter(Objects::nonNull)
                .toList();
        var statuses = new HashMap<Long, Status>();
        var presented = presenter.statuses(viewer, "notifications", postViews);
        for (int i = 0; i < postViews.size(); i++)
            statuses.put(postViews.get(i).post().id(), presented.get(i));
        var actors = new HashMap<Long, Account>();
        var distinct = new HashMap<Long, org.hallway.identity.Account>();
        views.forEach(v -> distinct.put(v.actor().id(), v.actor()));
        for (var a : presenter.accounts(distinct.values())) actors.put(Long.parseLong(a.id()), a);
        var result = new ArrayList<Notification>(views.size());
        for (var v : views) {
            var n = v.notification();
            PostView post = v.post();
            result.add(new Notification(
                    Long.toString(n.id()),
                    n.type().apiCode(),
                    Presenter.time(n.createdAt()),
                    groupKey(n),
                    actors.get(n.actorId()),
                    post == null ? null : statuses.get(post.post().id()),
                    v.group() == null ? null : group(v.group()),
                    report(viewer, n)));
        }
        return result;
    }

    /** The report an {@code admin.report} is about, while its recipient is an administrator. */
    private org.hallway.api.entity.@org.jspecify.annotations.Nullable Report report(
            Viewer viewer, org.hallway.notify.Notification n) {
        if (n.type() != org.hallway.notify.NotificationType.ADMIN_REPORT || n.sourceId() == null || !viewer.admin())
            return null;
        return reports.find(viewer.networkId(), n.sourceId())
                .map(reportPresenter::report)
                .orElse(null);
    }

    /** The group a group notification is about, as the groups API shows it (without the reader's standing). */
    private org.hallway.api.entity.Group group(org.hallway.groups.Group g) {
        return new org.hallway.api.entity.Group(
                Long.toString(g.id()),
                g.name(),
                g.description(),
                g.privacy().code(),
                baseUrl.get() + "/groups/" + g.id(),
                Presenter.time(g.createdAt()),
                g.archived(),
                g.membersCount(),
                null,
                g.directoryGroupId() == null ? null : Long.toString(g.directoryGroupId()));
    }

    /** Likes and reposts of one post group together, as Mastodon's grouped notifications do. */
    private static String groupKey(org.hallway.notify.Notification n) {
        return switch (n.type()) {
            case FAVOURITE, REBLOG -> n.type().code() + "-" + n.postId();
            default -> "ungrouped-" + n.id();
        };
    }
}
