package org.hallway.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;

/**
 * Port: notifications in groups, as Mastodon 4.3's grouped notifications show them. Likes of one post
 * form one group ({@code favourite-<post>}), so do reposts of one post ({@code reblog-<post>}) and new
 * followers ({@code follow}), when their type is among the {@code grouped} types; any other notification
 * is a group of its own ({@code ungrouped-<id>}). Reads leave out what the reader may not see, as
 * {@link NotificationStore} does.
 */
public interface NotificationGroupStore {
    /** The types that may form groups. */
    List<NotificationType> GROUPABLE =
            List.of(NotificationType.FAVOURITE, NotificationType.REBLOG, NotificationType.FOLLOW);

    /**
     * A group within the range read: its newest notification, the oldest and newest of its ids on this
     * page, how many it holds, and the latest distinct colleagues in it (at most {@value #SAMPLE}).
     */
    record Group(
            String key, Notification latest, long pageMinId, long pageMaxId, int count, List<Long> sampleActorIds) {}

    int SAMPLE = 8;

    /**
     * One page of groups, ordered by their newest notification (newest first). Paged by those newest ids,
     * as Mastodon pages them: the next page starts below the newest notification of the page's last group,
     * so a group whose older notifications lie below it shows again there.
     */
    List<Group> page(
            Viewer reader, NotificationStore.Filter filter, Collection<NotificationType> grouped, PageRequest page);

    /** One group by its key, with every type grouped. */
    Optional<Group> find(Viewer reader, String key);

    /** Dismisses every notification of the reader's in the group. */
    int dismiss(Viewer reader, String key);

    /** How many groups hold notifications newer than {@code afterId}, counting at most {@code limit}. */
    int countAfter(
            Viewer reader,
            long afterId,
            NotificationStore.Filter filter,
            Collection<NotificationType> grouped,
            int limit);
}
