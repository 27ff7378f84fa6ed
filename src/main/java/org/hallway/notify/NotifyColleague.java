package org.hallway.notify;

import java.time.Clock;
import org.hallway.shared.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores one notification (never for one's own action, never twice for the same cause), publishes
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

    NotifyColleague(
            NotificationStore notifications, MailQueue mail, Ids ids, Clock clock, ApplicationEventPublisher events) {
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

    void handle(
            long networkId,
            long recipientId,
            NotificationType type,
            long actorId,
            @Nullable Long postId,
            @Nullable Long sourceId,
            @Nullable Long groupId) {
        if (recipientId == actorId) return;
        var now = clock.instant();
        var notification = new Notification(ids.next(), networkId, recipientId, type, actorId, postId, now, groupId);
        if (!notifications.insert(notification, sourceId)) return;
        events.publishEvent(new NotificationCreated(recipientId, networkId, notification.id()));
        mail.offer(notification);
    }
}
