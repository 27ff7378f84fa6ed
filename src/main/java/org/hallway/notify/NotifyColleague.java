package org.hallway.notify;

import java.time.Clock;
import java.util.List;
import org.hallway.follow.RelationStore;
import org.hallway.posts.ConversationMuteStore;
import org.hallway.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores one notification (never for one's own action but the end of one's poll, never twice for the
 * same cause, never from a blocked or notification-muted colleague, never about a muted thread), publishes
 * {@link NotificationCreated}, and queues it for mail when the recipient wants that type by mail and
 * is away. Called by the listeners, inside their transaction.
 */
@Component
class NotifyColleague {
    private final NotificationStore notifications;
    private final MailQueue mail;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RelationStore relations;
    private final ConversationMuteStore mutedThreads;

    NotifyColleague(
            NotificationStore notifications,
            MailQueue mail,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events,
            RelationStore relations,
            ConversationMuteStore mutedThreads) {
        this.relations = relations;
        this.mutedThreads = mutedThreads;
        this.notifications = notifications;
        this.mail = mail;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    void handle(
            long networkId,
            long recipientId,
            NotificationType type,
            long actorId,
            @Nullable Long postId,
            @Nullable Long sourceId) {
        handle(networkId, recipientId, type, actorId, postId, sourceId, null);
    }

    /**
     * Notifies again of a cause that repeats, such as each edit of a post: the earlier notification of the
     * same cause gives way to a new one (a new id, unread, streamed and mailed like any other), so every
     * repetition is heard and the list still names the post once.
     */
    void renew(
            long networkId,
            long recipientId,
            NotificationType type,
            long actorId,
            @Nullable Long postId,
            @Nullable Long groupId) {
        if (recipientId == actorId && !type.aboutOneself()) return;
        notifications.remove(recipientId, type, actorId, postId, groupId);
        handle(networkId, recipientId, type, actorId, postId, null, groupId);
    }

    void handle(
            long networkId,
            long recipientId,
            NotificationType type,
            long actorId,
            @Nullable Long postId,
            @Nullable Long sourceId,
            @Nullable Long groupId) {
        // The author of a poll hears that it ended, like its voters; nobody else hears of their own doing.
        if (recipientId == actorId && !type.aboutOneself()) return;
        // Blocks, mutes with notifications and muted threads refuse the notification (nor is it mailed).
        if (relations.hidesNotifications(recipientId, actorId)) return;
        if (postId != null
                && !mutedThreads.mutedAmong(recipientId, List.of(postId)).isEmpty()) return;
        var now = clock.instant();
        var notification =
                new Notification(ids.next(), networkId, recipientId, type, actorId, postId, now, groupId, sourceId);
        if (!notifications.insert(notification, sourceId)) return;
        events.publishEvent(new NotificationCreated(recipientId, networkId, notification.id()));
        mail.offer(notification);
    }
}
