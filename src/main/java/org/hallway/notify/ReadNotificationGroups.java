package org.hallway.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader's notifications in groups (Mastodon 4.3's grouped notifications): likes of one post
 * together, reposts of one post together, new followers together; only what the reader may see now.
 */
@Service
public class ReadNotificationGroups {
    private final NotificationGroupStore groups;
    private final NotificationSettingsStore settings;
    private final ReadNotifications notifications;
    private final AccountStore accounts;
    private final MarkerStore markers;

    ReadNotificationGroups(
            NotificationGroupStore groups,
            NotificationSettingsStore settings,
            ReadNotifications notifications,
            AccountStore accounts,
            MarkerStore markers) {
        this.groups = groups;
        this.settings = settings;
        this.notifications = notifications;
        this.accounts = accounts;
        this.markers = markers;
    }

    /** {@code groupedTypes}: the API codes the app groups (empty: all Hallway groups). */
    @Transactional(readOnly = true)
    public List<NotificationGroupView> handle(
            Viewer reader, NotificationQuery query, List<String> groupedTypes, PageRequest page) {
        var filter = query.filter(settings.of(reader.accountId()).inApp());
        return views(reader, groups.page(reader, filter, grouped(groupedTypes), page));
    }

    @Transactional(readOnly = true)
    public NotificationGroupView one(Viewer reader, String key) {
        var found = groups.find(reader, key).orElseThrow(NotFoundException::record);
        var views = views(reader, List.of(found));
        if (views.isEmpty()) throw NotFoundException.record();
        return views.getFirst();
    }

    @Transactional
    public void dismiss(Viewer reader, String key) {
        groups.dismiss(reader, key);
    }

    /** How many groups arrived after the reader's notifications marker, counting at most {@code limit}. */
    @Transactional(readOnly = true)
    public int unread(Viewer reader, NotificationQuery query, List<String> groupedTypes, int limit) {
        int cap = limit <= 0
                ? CountUnreadNotifications.DEFAULT_LIMIT
                : Math.min(limit, CountUnreadNotifications.MAX_LIMIT);
        var marker = markers.find(reader.accountId(), List.of(ReadMarkers.NOTIFICATIONS))
                .get(ReadMarkers.NOTIFICATIONS);
        long after = marker == null ? 0L : marker.lastReadId();
        var filter = query.filter(settings.of(reader.accountId()).inApp());
        return groups.countAfter(reader, after, filter, grouped(groupedTypes), cap);
    }

    private static List<NotificationType> grouped(List<String> codes) {
        if (codes.isEmpty()) return NotificationGroupStore.GROUPABLE;
        var asked = EnumSet.noneOf(NotificationType.class);
        codes.forEach(c -> asked.addAll(NotificationType.ofApiCode(c)));
        return NotificationGroupStore.GROUPABLE.stream().filter(asked::contains).toList();
    }

    private List<NotificationGroupView> views(Viewer reader, List<NotificationGroupStore.Group> found) {
        if (found.isEmpty()) return List.of();
        var latest = new HashMap<Long, NotificationView>();
        for (var v : notifications.views(
                reader, found.stream().map(NotificationGroupStore.Group::latest).toList()))
            latest.put(v.notification().id(), v);
        var people = accounts.findAll(
                reader.networkId(),
                found.stream()
                        .flatMap(g -> g.sampleActorIds().stream())
                        .distinct()
                        .toList());
        var result = new ArrayList<NotificationGroupView>(found.size());
        for (var g : found) {
            var view = latest.get(g.latest().id());
            if (view == null) continue;
            var sample = g.sampleActorIds().stream()
                    .map(people::get)
                    .filter(Objects::nonNull)
                    .toList();
            result.add(new NotificationGroupView(g.key(), view, g.count(), g.pageMinId(), g.pageMaxId(), sample));
        }
        return result;
    }
}
