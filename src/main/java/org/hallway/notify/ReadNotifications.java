package org.hallway.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.hallway.groups.Group;
import org.hallway.groups.GroupStore;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PostView;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reader's notifications, newest first; only those about posts the reader may see now. */
@Service
public class ReadNotifications {
    private final NotificationStore notifications;
    private final NotificationSettingsStore settings;
    private final FindPosts posts;
    private final AccountStore accounts;
    private final GroupStore groups;

    ReadNotifications(
            NotificationStore notifications,
            NotificationSettingsStore settings,
            FindPosts posts,
            AccountStore accounts,
            GroupStore groups) {
        this.notifications = notifications;
        this.settings = settings;
        this.posts = posts;
        this.accounts = accounts;
        this.groups = groups;
    }

    @Transactional(readOnly = true)
    public NotificationPage handle(Viewer reader, NotificationQuery query, PageRequest page) {
        var filter = query.filter(settings.of(reader.accountId()).inApp());
        var found = notifications.page(reader, filter, page);
        if (found.isEmpty()) return new NotificationPage(List.of(), null, null);
        return new NotificationPage(
                views(reader, found), found.getLast().id(), found.getFirst().id());
    }

    /** The given notifications with their actors and posts, each loaded once for the whole list. */
    List<NotificationView> views(Viewer reader, List<Notification> list) {
        var postIds = list.stream()
                .map(Notification::postId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        var byId = new HashMap<Long, PostView>();
        for (var view : posts.hydrate(reader, postIds)) byId.put(view.post().id(), view);
        var actors = accounts.findAll(
                reader.networkId(),
                list.stream().map(Notification::actorId).distinct().toList());
        // The store has checked that the reader may see each group; group notifications are few.
        var groupsById = new HashMap<Long, Group>();
        list.stream()
                .map(Notification::groupId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> groups.find(reader.networkId(), id).ifPresent(g -> groupsById.put(id, g)));
        var result = new ArrayList<NotificationView>(list.size());
        for (var n : list) {
            var actor = actors.get(n.actorId());
            var post = n.postId() == null ? null : byId.get(n.postId());
            var group = n.groupId() == null ? null : groupsById.get(n.groupId());
            if (actor == null || (n.postId() != null && post == null) || (n.groupId() != null && group == null))
                continue;
            result.add(new NotificationView(n, actor, post, group));
        }
        return result;
    }
}
