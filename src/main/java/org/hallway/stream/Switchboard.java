package org.hallway.stream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.hallway.audience.Visibility;
import org.hallway.stream.internal.Outbox;
import org.hallway.timeline.FindHomeReaders;
import org.springframework.stereotype.Component;

/**
 * This node's open connections, and who among them gets each live event. The audience is decided
 * here, at delivery time, with one query per event for all candidate connections: {@link Visibility}
 * for company and hashtag streams, deletions and counters; {@link FindHomeReaders} (the home-feed
 * rule, visibility included) for home streams.
 */
@Component
public class Switchboard {
    /** Deliveries a connection may lag behind before it is closed. */
    static final int OUTBOX_LIMIT = 1000;

    private final Map<Long, Set<Registration>> byNetwork = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();
    private final Visibility visibility;
    private final FindHomeReaders homeReaders;

    Switchboard(Visibility visibility, FindHomeReaders homeReaders) {
        this.visibility = visibility;
        this.homeReaders = homeReaders;
    }

    /** An open connection; closing it stops deliveries. */
    public final class Registration implements AutoCloseable {
        private final Subscriber subscriber;
        private final Outbox<Delivery> outbox;

        private Registration(Subscriber subscriber) {
            this.subscriber = subscriber;
            this.outbox = new Outbox<>(OUTBOX_LIMIT, subscriber::deliver, subscriber::overflowed);
        }

        @Override
        public void close() {
            outbox.close();
            var set = byNetwork.get(subscriber.viewer().networkId());
            if (set != null) set.remove(this);
        }
    }

    public Registration register(Subscriber subscriber) {
        var registration = new Registration(subscriber);
        byNetwork
                .computeIfAbsent(subscriber.viewer().networkId(), n -> ConcurrentHashMap.newKeySet())
                .add(registration);
        opened.incrementAndGet();
        return registration;
    }

    /** Connections registered since start; with {@link #connections()}, the numbers to watch. */
    public long opened() {
        return opened.get();
    }

    /** Connections open now (a closed one is noticed when a send to it fails). */
    public int connections() {
        return byNetwork.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Closes the account's connections whose access ended: all of them when the account is gone, else
     * those whose token no longer authenticates. Returns how many were closed.
     */
    public int endAccess(long networkId, long accountId, boolean accountGone) {
        var open = byNetwork.get(networkId);
        if (open == null) return 0;
        int closed = 0;
        for (var r : List.copyOf(open)) {
            if (r.subscriber.viewer().accountId() != accountId) continue;
            if (!accountGone && r.subscriber.authorized()) continue;
            r.close();
            r.subscriber.revoked();
            closed++;
        }
        return closed;
    }

    /** Delivers an event to the connections of this node that may have it. */
    public void dispatch(LiveEvent event) {
        var open = byNetwork.get(event.networkId());
        if (open == null || open.isEmpty()) return;
        var shared = new Delivery.Shared();
        var subscribers = List.copyOf(open);
        switch (event) {
            case LiveEvent.NewInHome e -> toHomeReaders(subscribers, e, e.entryId(), shared);
            case LiveEvent.NewInCompany e -> toPublicReaders(subscribers, e, e.postId(), e.tags(), shared);
            case LiveEvent.Edited e -> {
                toHomeReaders(subscribers, e, e.postId(), shared);
                if (e.inCompanyFeed()) toPublicReaders(subscribers, e, e.postId(), e.tags(), shared);
                if (e.groupId() != null) toGroupReaders(subscribers, e, e.postId(), e.groupId(), shared);
            }
            case LiveEvent.NewInGroup e -> toGroupReaders(subscribers, e, e.postId(), e.groupId(), shared);
            case LiveEvent.DirectMessage e -> {
                Predicate<Channel> match = c -> c.kind() == Channel.Kind.DIRECT;
                var candidates = listening(subscribers, match).stream()
                        .filter(r ->
                                e.participants().contains(r.subscriber.viewer().accountId()))
                        .toList();
                if (candidates.isEmpty()) return;
                var readers = visibility.readersAmong(e.networkId(), e.postId(), accounts(candidates));
                deliver(candidates, readers, e, match, shared);
            }
            case LiveEvent.Deleted e -> {
                var candidates = listening(subscribers, Channel::showsPosts);
                var readers = visibility.formerReadersAmong(e.networkId(), e.postId(), accounts(candidates));
                deliver(candidates, readers, e, Channel::showsPosts, shared);
            }
            case LiveEvent.CountsChanged e -> {
                var candidates = listening(subscribers, c -> c.kind() == Channel.Kind.COUNTS);
                var readers = visibility.readersAmong(e.networkId(), e.postId(), accounts(candidates));
                deliver(candidates, readers, e, c -> c.kind() == Channel.Kind.COUNTS, shared);
            }
            case LiveEvent.NotificationAdded e -> {
                Predicate<Channel> match = c -> c.kind() == Channel.Kind.USER || c.kind() == Channel.Kind.NOTIFICATIONS;
                for (var r : subscribers) {
                    if (r.subscriber.viewer().accountId() != e.accountId()) continue;
                    for (var c : r.subscriber.channels()) if (match.test(c)) r.outbox.offer(new Delivery(e, c, shared));
                }
            }
        }
    }

    private void toHomeReaders(List<Registration> subscribers, LiveEvent e, long postId, Delivery.Shared shared) {
        Predicate<Channel> match = c -> c.kind() == Channel.Kind.USER;
        var candidates = listening(subscribers, match);
        if (candidates.isEmpty()) return;
        var readers = homeReaders.handle(e.networkId(), postId, accounts(candidates));
        deliver(candidates, readers, e, match, shared);
    }

    private void toGroupReaders(
            List<Registration> subscribers, LiveEvent e, long postId, long groupId, Delivery.Shared shared) {
        var key = Channel.group(groupId);
        Predicate<Channel> match = key::equals;
        var candidates = listening(subscribers, match);
        if (candidates.isEmpty()) return;
        // Asked now, not when the connection subscribed: a reader who left the group hears nothing more.
        var readers = visibility.readersAmong(e.networkId(), postId, accounts(candidates));
        deliver(candidates, readers, e, match, shared);
    }

    private void toPublicReaders(
            List<Registration> subscribers, LiveEvent e, long postId, List<String> tags, Delivery.Shared shared) {
        Predicate<Channel> match = c -> switch (c.kind()) {
            case PUBLIC, PUBLIC_LOCAL -> true;
            case HASHTAG, HASHTAG_LOCAL -> tags.contains(c.tag());
            default -> false;
        };
        var candidates = listening(subscribers, match);
        if (candidates.isEmpty()) return;
        var readers = visibility.readersAmong(e.networkId(), postId, accounts(candidates));
        deliver(candidates, readers, e, match, shared);
    }

    private static List<Registration> listening(List<Registration> subscribers, Predicate<Channel> match) {
        var result = new ArrayList<Registration>();
        for (var r : subscribers) if (r.subscriber.channels().stream().anyMatch(match)) result.add(r);
        return result;
    }

    private static Set<Long> accounts(List<Registration> registrations) {
        var ids = new HashSet<Long>();
        for (var r : registrations) ids.add(r.subscriber.viewer().accountId());
        return ids;
    }

    private static void deliver(
            List<Registration> candidates,
            Set<Long> readers,
            LiveEvent e,
            Predicate<Channel> match,
            Delivery.Shared shared) {
        for (var r : candidates) {
            if (!readers.contains(r.subscriber.viewer().accountId())) continue;
            for (var c : r.subscriber.channels()) if (match.test(c)) r.outbox.offer(new Delivery(e, c, shared));
        }
    }
}
