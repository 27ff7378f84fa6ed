package org.hallway.notify;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;

/**
 * Port: the notifications of each colleague. Every read takes the reader as a {@link Viewer} and
 * leaves out notifications about posts the reader may not (or no longer) see.
 */
public interface NotificationStore {
    /** Which notifications a read selects: these stored types, optionally only from one colleague. */
    record Filter(Collection<NotificationType> types, @Nullable Long actorId) {}

    /**
     * Stores the notifications in one statement and returns the ids of those that are new: the same
     * (recipient, type, actor, post) is stored once.
     */
    Set<Long> insertAll(List<Notification> notifications);

    /** Removes the notifications about these posts or caused by them (a deleted post, an undone repost). */
    void removeAbout(Collection<Long> postIds);

    /** Removes one notification by its cause: an unlike, an unfollow. */
    default void remove(long recipientId, NotificationType type, long actorId, @Nullable Long postId) {
        remove(recipientId, type, actorId, postId, null);
    }

    /** Removes one notification by its cause, a group's included: one that gives way to a newer one. */
    void remove(long recipientId, NotificationType type, long actorId, @Nullable Long postId, @Nullable Long groupId);

    /** One page, newest first, with the audience checked inside the query. */
    List<Notification> page(Viewer reader, Filter filter, PageRequest page);

    Optional<Notification> find(Viewer reader, long id);

    /** True when there was such a notification of the reader's to dismiss. */
    boolean dismiss(Viewer reader, long id);

    void clear(Viewer reader);

    /** How many visible notifications are newer than {@code afterId}, counting at most {@code limit}. */
    int countAfter(Viewer reader, long afterId, Filter filter, int limit);
}
