package org.hallway.web.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hallway.identity.Account;
import org.hallway.notify.ClearNotifications;
import org.hallway.notify.MarkNotificationsRead;
import org.hallway.notify.NotificationQuery;
import org.hallway.notify.NotificationView;
import org.hallway.notify.ReadMarkers;
import org.hallway.notify.ReadNotifications;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.web.Chrome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notifications page: grouped, newest first; opening it marks everything read. */
@Controller
class NotificationsPageController {
    private static final int PAGE = 40;

    private final ReadNotifications read;
    private final ReadMarkers markers;
    private final MarkNotificationsRead markRead;
    private final ClearNotifications clear;

    NotificationsPageController(
            ReadNotifications read, ReadMarkers markers, MarkNotificationsRead markRead, ClearNotifications clear) {
        this.read = read;
        this.markers = markers;
        this.markRead = markRead;
        this.clear = clear;
    }

    @GetMapping("/notifications")
    String page(Viewer viewer, @RequestParam(name = "max_id", required = false) Long maxId, Model model) {
        var marker = markers.handle(viewer, List.of(ReadMarkers.NOTIFICATIONS)).get(ReadMarkers.NOTIFICATIONS);
        long lastRead = marker == null ? 0L : marker.lastReadId();
        var page = read.handle(viewer, NotificationQuery.all(), new PageRequest(maxId, null, null, PAGE));
        if (maxId == null) {
            markRead.handle(viewer);
            // The badge was counted before the page was opened; opening it has just read everything.
            if (model.getAttribute("chrome") instanceof Chrome chrome)
                model.addAttribute("chrome", chrome.withUnreadNotifications(0));
        }
        model.addAttribute("title", "Notifications");
        model.addAttribute("groups", group(page.items(), lastRead));
        model.addAttribute(
                "more",
                page.items().size() >= PAGE && page.nextMaxId() != null
                        ? "/notifications?max_id=" + page.nextMaxId()
                        : null);
        return "pages/notifications";
    }

    @PostMapping("/notifications/clear")
    String clear(Viewer viewer) {
        clear.handle(viewer);
        return "redirect:/notifications";
    }

    /** Groups likes and reposts of the same post, and follows, at the place of the newest of them. */
    static List<NotificationGroup> group(List<NotificationView> items, long lastRead) {
        var groups = new LinkedHashMap<String, List<NotificationView>>();
        for (var v : items) {
            var n = v.notification();
            var key =
                    switch (n.type()) {
                        case FAVOURITE, REBLOG -> n.type().code() + "-" + n.postId();
                        case FOLLOW -> "follow";
                        default -> "single-" + n.id();
                    };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        var result = new ArrayList<NotificationGroup>(groups.size());
        for (var members : groups.values()) {
            var newest = members.getFirst();
            var actors = new ArrayList<Account>();
            for (var m : members)
                if (actors.stream().noneMatch(a -> a.id() == m.actor().id())) actors.add(m.actor());
            boolean unread = members.stream().anyMatch(m -> m.notification().id() > lastRead);
            result.add(new NotificationGroup(
                    newest.notification().type(),
                    actors,
                    newest.post(),
                    newest.notification().createdAt(),
                    unread,
                    newest.group()));
        }
        return result;
    }
}
