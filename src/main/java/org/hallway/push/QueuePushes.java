package org.hallway.push;

import java.time.Clock;
import java.util.ArrayList;
import org.hallway.notify.NotificationCreated;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a push of a new notification for each of the recipient's subscriptions, in the transaction
 * that stores the notification (so neither exists without the other), and sends them once it has
 * committed; what is not sent then is sent by {@link PushSchedule}.
 */
@Component
class QueuePushes {
    private final PushSubscriptionStore store;
    private final SendPushes send;
    private final AfterCommit afterCommit;
    private final Ids ids;
    private final Clock clock;

    QueuePushes(PushSubscriptionStore store, SendPushes send, AfterCommit afterCommit, Ids ids, Clock clock) {
        this.store = store;
        this.send = send;
        this.afterCommit = afterCommit;
        this.ids = ids;
        this.clock = clock;
    }

    @EventListener
    void on(NotificationCreated event) {
        var subscriptions = store.ofAccount(event.accountId());
        if (subscriptions.isEmpty()) return;
        var now = clock.instant();
        var queued = new ArrayList<Long>();
        for (var s : subscriptions) {
            if (s.policy() == PushPolicy.NONE || s.alerts().isEmpty()) continue;
            var id = ids.next();
            store.queue(id, s.id(), event.notificationId(), now);
            queued.add(id);
        }
        if (!queued.isEmpty()) afterCommit.run(() -> send.handle(queued, clock.instant()));
    }
}
