package org.hallway.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
        handleAll(List.of(new Intent(networkId, recipientId, type, actorId, postId, sourceId, groupId)));
    }

    /**
     * Stores the notifications, each by the rules above, in a few statements however many there are (a
     * batch of new posts, a post whose author's followers asked to hear of it): one check of blocks and
     * mutes, one insert.
     */
    void handleAll(List<Intent> intents) {
        // The author of a poll hears that it ended, like its voters; nobody else hears of their own doing.
        var wanted = intents.stream()
                .filter(i -> i.recipientId() != i.actorId() || i.type().aboutOneself())
                .toList();
        if (wanted.isEmpty()) return;
        // Blocks, mutes with notifications and muted threads refuse the notification (nor is it mailed).
        var hidden =
                relations.hidingNotifications(wanted.stream().map(Intent::pair).collect(Collectors.toSet()));
        var now = clock.instant();
        var made = new ArrayList<Notification>();
        for (var i : wanted) {
            if (hidden.contains(i.pair())) continue;
            if (i.postId() != null
                    && !mutedThreads
                            .mutedAmong(i.recipientId(), List.of(i.postId()))
                            .isEmpty()) continue;
            made.add(new Notification(
                    ids.next(),
                    i.networkId(),
                    i.recipientId(),
                    i.type(),
                    i.actorId(),
                    i.postId(),
                    now,
                    i.groupId(),
                    i.sourceId()));
        }
        var stored = notifications.insertAll(made);
        for (var notification : made) {
            if (!stored.contains(notification.id())) continue;
            events.publishEvent(
                    new NotificationCreated(notification.accountId(), notification.networkId(), notification.id()));
            mail.offer(notification);
        }
    }

    /** A notification to make: who hears, of what, caused by whom, about which post, source or group. */
    record Intent(
            long networkId,
            long recipientId,
            NotificationType type,
            long actorId,
            @Nullable Long postId,
            @Nullable Long sourceId,
            @Nullable Long groupId) {
        RelationStore.RecipientAndActor pair() {
            return new RelationStore.RecipientAndActor(recipientId, actorId);
        }
    }
}
