package org.hallway.notify;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.hallway.identity.Account;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PostView;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * What a colleague missed since a post id, in the order that matters: direct messages and mentions
 * (and replies), then posts of the people and hashtags they follow, then what was popular in their
 * department, the latter two ranked by reactions; each post at most once, each checked against the
 * reader's audience. The digest mail and the "While you were away" page both show these.
 */
@Component
class CatchUpSections {
    /** The three sections. */
    record Sections(List<NotificationView> mentions, List<PostView> followed, List<PostView> department) {
        boolean isEmpty() {
            return mentions.isEmpty() && followed.isEmpty() && department.isEmpty();
        }
    }

    private final NotificationStore notifications;
    private final ReadNotifications reader;
    private final DigestSource source;
    private final FindPosts posts;

    CatchUpSections(NotificationStore notifications, ReadNotifications reader, DigestSource source, FindPosts posts) {
        this.notifications = notifications;
        this.reader = reader;
        this.source = source;
        this.posts = posts;
    }

    Sections since(Viewer r, Account account, long sinceId, int perSection) {
        var mentions = reader.views(
                r,
                notifications.page(
                        r,
                        new NotificationStore.Filter(
                                EnumSet.of(NotificationType.MENTION, NotificationType.REPLY), null),
                        new PageRequest(null, sinceId, null, perSection * 2)));
        var seen = new HashSet<Long>();
        mentions.stream()
                .map(m -> m.post() == null ? null : m.post().post().id())
                .filter(Objects::nonNull)
                .forEach(seen::add);
        var followedIds = source.fromFollowed(r, sinceId, perSection * 2).stream()
                .filter(seen::add)
                .limit(perSection)
                .toList();
        List<Long> departmentIds = account.department().isBlank()
                ? List.of()
                : source.popularInDepartment(r, account.department(), sinceId, perSection * 2).stream()
                        .filter(seen::add)
                        .limit(perSection)
                        .toList();
        return new Sections(mentions, posts.hydrate(r, followedIds), posts.hydrate(r, departmentIds));
    }
}
