package org.hallway.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.hallway.audience.Visibility;
import org.hallway.stream.internal.Outbox;
import org.hallway.timeline.FindHomeReaders;
import org.hallway.timeline.KeepHomeFeed;
import org.hallway.timeline.OpenHomeStreams;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's open connections, and who among them gets each live event. The audience is decided
 * here, at delivery time, with one query per event for all candidate connections: {@link Visibility}
 * for company and hashtag streams, deletions and counters; {@link FindHomeReaders} (the home-feed
 * rule, visibility included) for home streams, unless the event carries its home readers (the first
 * part of a post written to the live readers' feeds first, ADR 0080).
 */
@Component
public class Switchboard implements OpenHomeStreams {
    /** Deliveries a connection may lag behind before it is closed. */
    public static final int OUTBOX_LIMIT = 1000;

    /** Events taken from the queue at once: their home readers are found, and posts rendered, together. */
    static final int BATCH = 256;

    private static final Logger log = LoggerFactory.getLogger(Switchboard.class);

    /** The home stream: a reader's own feed. */
    private static final Predicate<Channel> HOME = c -> c.kind() == Channel.Kind.USER;

    private final Map<Long, Set<Registration>> byNetwork = new ConcurrentHashMap<>();
    private final AtomicLong opened = new AtomicLong();

    /**
     * Counts every change of the open connections or of their channels: a network's snapshot ({@link
     * Open}) taken before the latest change is taken again, one taken since is reused batch after batch.
     */
    private final AtomicLong changes = new AtomicLong();

    /** The latest snapshot of each network's connections, taken and used by the dispatcher. */
    private final Map<Long, Open> snapshots = new ConcurrentHashMap<>();

    /** The readers of this node's home streams, until a connection opens, closes or changes its channels. */
    private volatile @Nullable HomeStreamReaders homeStreamReaders;

    private record HomeStreamReaders(long version, Set<Long> readers) {}

    /**
     * The readers told of posts announced in two parts (ADR 0066), by entry, until the second part comes
     * and skips them. Used by the dispatcher alone; the oldest are forgotten beyond a bound.
     */
    private final Map<Long, Set<Long>> toldFirst = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Set<Long>> eldest) {
            return size() > 1_000;
        }
    };

    private final Visibility visibility;
    private final FindHomeReaders homeReaders;
    private final KeepHomeFeed homeFeeds;
    private final List<Prerender> prerenders;
    private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
    private final ReentrantLock queueLock = new ReentrantLock();
    private boolean dispatching;

    Switchboard(
            Visibility visibility, FindHomeReaders homeReaders, KeepHomeFeed homeFeeds, List<Prerender> prerenders) {
        this.visibility = visibility;
        this.homeReaders = homeReaders;
        this.homeFeeds = homeFeeds;
        this.prerenders = List.copyOf(prerenders);
    }

    /** An open connection; closing it stops deliveries. */
    public final class Registration implements AutoCloseable {
        private final Subscriber subscriber;
        private final Outbox<Delivery> outbox;

        private Registration(Subscriber subscriber) {
            this.subscriber = subscriber;
            this.outbox = new Outbox<>(OUTBOX_LIMIT, subscriber::deliver, subscriber::flush, subscriber::overflowed);
        }

        @Override
        public void close() {
            outbox.close();
            long networkId = subscriber.viewer().networkId();
            var set = byNetwork.get(networkId);
            if (set != null && set.remove(this)) {
                changes.incrementAndGet();
                // The next batch takes a new snapshot anyway; until then none holds on to a closed connection.
                snapshots.remove(networkId);
            }
        }

        /** To be called when the connection subscribed or unsubscribed: its channels are read again. */
        public void channelsChanged() {
            changes.incrementAndGet();
        }
    }

    /**
     * Registers an open connection. Its reader's home feed is kept first (ADR 0055): whichever streams
     * it subscribes to now or later, home posts are found in the stored feed.
     */
    public Registration register(Subscriber subscriber) {
        var viewer = subscriber.viewer();
        homeFeeds.handle(viewer.networkId(), viewer.accountId());
        var registration = new Registration(subscriber);
        byNetwork
                .computeIfAbsent(viewer.networkId(), n -> ConcurrentHashMap.newKeySet())
                .add(registration);
        changes.incrementAndGet();
        opened.incrementAndGet();
        return registration;
    }

    @Override
    public Set<Long> readers() {
        long version = changes.get();
        var last = homeStreamReaders;
        if (last != null && last.version() == version) return last.readers();
        var readers = new HashSet<Long>();
        for (var open : byNetwork.values())
            for (var r : open)
                if (r.subscriber.channels().stream().anyMatch(HOME))
                    readers.add(r.subscriber.viewer().accountId());
        var current = new HomeStreamReaders(version, Set.copyOf(readers));
        homeStreamReaders = current;
        return current.readers();
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

    /**
     * Delivers an event to the connections of this node that may have it. Events queue here and one
     * dispatcher (a virtual thread that runs while there are events) takes them in order, in batches:
     * the audience of a batch's new home-feed posts is one query, their payloads are rendered once
     * ({@link Prerender}) before any connection gets them, and live delivery never holds more than one
     * database connection however many posts arrive at once.
     */
    public void dispatch(LiveEvent event) {
        boolean start = false;
        queueLock.lock();
        try {
            queue.add(event);
            if (!dispatching) dispatching = start = true;
        } finally {
            queueLock.unlock();
        }
        if (start) Thread.ofVirtual().name("live-dispatch").start(this::drain);
    }

    private void drain() {
        boolean done = false;
        try {
            drainQueue();
            done = true;
        } finally {
            if (!done) {
                // Ended by an error: the next event starts a new dispatcher.
                queueLock.lock();
                try {
                    dispatching = false;
                } finally {
                    queueLock.unlock();
                }
            }
        }
    }

    private void drainQueue() {
        while (true) {
            var batch = new ArrayList<LiveEvent>();
            queueLock.lock();
            try {
                while (batch.size() < BATCH && !queue.isEmpty()) batch.add(queue.poll());
                if (batch.isEmpty()) {
                    dispatching = false;
                    return;
                }
            } finally {
                queueLock.unlock();
            }
            try {
                dispatchBatch(batch);
            } catch (RuntimeException e) {
                log.warn("Live dispatch of {} events failed", batch.size(), e);
            }
        }
    }

    /**
     * A batch's deliveries, grouped by connection in the order they were routed: each connection gets
     * its share with one offer (one lock, at most one wake-up), however many events the batch holds.
     */
    private static final class Pending {
        private final Map<Registration, List<Delivery>> byConnection = new LinkedHashMap<>();
        private int size;

        void add(Registration registration, Delivery delivery) {
            byConnection.computeIfAbsent(registration, r -> new ArrayList<>()).add(delivery);
            size++;
        }

        int size() {
            return size;
        }

        void offer() {
            byConnection.forEach((r, deliveries) -> r.outbox.offerAll(deliveries));
        }
    }

    /**
     * A network's open connections as the dispatcher sees them: copied once and reused until a
     * connection opens, closes or changes its channels, not copied for every batch or event. Its home
     * streams are found by their reader, so that a new post is routed to its readers' connections
     * without looking at every other one; the connections that listen to some kinds of channel are
     * kept by those kinds.
     */
    private static final class Open {
        private final long version;
        private final List<Registration> all;
        private @Nullable Map<Long, List<Registration>> homeByReader;
        private @Nullable Map<Long, List<Registration>> byReader;
        private final Map<Set<Channel.Kind>, List<Registration>> byKinds = new HashMap<>();

        private Open(Set<Registration> open, long version) {
            this.version = version;
            this.all = List.copyOf(open);
        }

        Map<Long, List<Registration>> homeByReader() {
            if (homeByReader == null) homeByReader = byReader(listening(all, HOME));
            return homeByReader;
        }

        /** Every connection by its reader. */
        Map<Long, List<Registration>> byReader() {
            if (byReader == null) byReader = byReader(all);
            return byReader;
        }

        /** The connections with a channel of one of these kinds (a constant set: the answer is kept). */
        List<Registration> listeningTo(Set<Channel.Kind> kinds) {
            return byKinds.computeIfAbsent(kinds, k -> listening(all, c -> k.contains(c.kind())));
        }

        private static Map<Long, List<Registration>> byReader(List<Registration> registrations) {
            var result = new HashMap<Long, List<Registration>>();
            for (var r : registrations)
                result.computeIfAbsent(r.subscriber.viewer().accountId(), a -> new ArrayList<>(1))
                        .add(r);
            return result;
        }
    }

    private static final Set<Channel.Kind> PUBLIC_KINDS = EnumSet.of(
            Channel.Kind.PUBLIC, Channel.Kind.PUBLIC_LOCAL, Channel.Kind.HASHTAG, Channel.Kind.HASHTAG_LOCAL);
    /** The kinds of the channels that show posts ({@link Channel#showsPosts}). */
    private static final Set<Channel.Kind> POST_KINDS = EnumSet.of(
            Channel.Kind.USER,
            Channel.Kind.PUBLIC,
            Channel.Kind.PUBLIC_LOCAL,
            Channel.Kind.HASHTAG,
            Channel.Kind.HASHTAG_LOCAL,
            Channel.Kind.GROUP);

    private static final Set<Channel.Kind> DIRECT_KINDS = EnumSet.of(Channel.Kind.DIRECT);
    private static final Set<Channel.Kind> COUNTS_KINDS = EnumSet.of(Channel.Kind.COUNTS);
    private static final Set<Channel.Kind> GROUP_KINDS = EnumSet.of(Channel.Kind.GROUP);

    /** The network's snapshot: the last one when nothing changed since it was taken, else a new one. */
    private @Nullable Open open(long networkId) {
        long version = changes.get();
        var last = snapshots.get(networkId);
        if (last != null && last.version == version) return last;
        var open = byNetwork.get(networkId);
        if (open == null || open.isEmpty()) {
            snapshots.remove(networkId);
            return null;
        }
        var snapshot = new Open(open, version);
        snapshots.put(networkId, snapshot);
        return snapshot;
    }

    /**
     * New posts whose readers came with them (ADR 0080) go out first: they wait neither for the
     * queries that find the readers of the batch's other events nor for those events' rendering. They
     * are the first events about their posts, so no event of the same post is passed.
     */
    private void dispatchBatch(List<LiveEvent> batch) {
        var carried = new ArrayList<LiveEvent>();
        var rest = new ArrayList<LiveEvent>();
        for (var event : batch)
            (event instanceof LiveEvent.NewInHome n && n.readers() != null ? carried : rest).add(event);
        if (carried.isEmpty() || rest.isEmpty()) {
            dispatchTogether(batch);
        } else {
            dispatchTogether(carried);
            dispatchTogether(rest);
        }
    }

    private void dispatchTogether(List<LiveEvent> batch) {
        var openByNetwork = new HashMap<Long, Open>();
        for (var event : batch) openByNetwork.computeIfAbsent(event.networkId(), this::open);
        var homeReadersOf = homeReadersOf(batch, openByNetwork);
        var pending = new Pending();
        var shared = new ArrayList<Delivery.Shared>();
        for (var event : batch) {
            var open = openByNetwork.get(event.networkId());
            if (open == null) continue;
            int before = pending.size();
            var s = new Delivery.Shared(event);
            try {
                route(event, open, s, homeReadersOf, pending);
            } catch (RuntimeException e) {
                log.warn("Live delivery of {} failed", event, e);
            }
            if (pending.size() > before) shared.add(s);
        }
        if (shared.isEmpty()) return;
        for (var p : prerenders) {
            try {
                p.prepare(shared);
            } catch (RuntimeException e) {
                // Each connection then renders on its own, as without the batch.
                log.debug("Rendering a batch of live events ahead failed", e);
            }
        }
        pending.offer();
    }

    /**
     * The readers among this node's home streams of every new home-feed post of the batch whose readers
     * the event does not carry, one query per network.
     */
    private Map<Long, Set<Long>> homeReadersOf(List<LiveEvent> batch, Map<Long, Open> openByNetwork) {
        var postsByNetwork = new HashMap<Long, List<Long>>();
        for (var e : batch)
            if (e instanceof LiveEvent.NewInHome n && n.readers() == null)
                postsByNetwork
                        .computeIfAbsent(n.networkId(), k -> new ArrayList<>())
                        .add(n.entryId());
        var result = new HashMap<Long, Set<Long>>();
        postsByNetwork.forEach((networkId, posts) -> {
            var open = openByNetwork.get(networkId);
            if (open == null || open.homeByReader().isEmpty()) return;
            try {
                var readers =
                        homeReaders.handle(networkId, posts, open.homeByReader().keySet());
                for (var post : posts) result.put(post, readers.getOrDefault(post, Set.of()));
            } catch (RuntimeException e) {
                // Asked again one post at a time below.
                log.warn("Finding the home readers of {} live posts failed", posts.size(), e);
            }
        });
        return result;
    }

    private void route(
            LiveEvent event, Open open, Delivery.Shared shared, Map<Long, Set<Long>> homeReadersOf, Pending out) {
        switch (event) {
            case LiveEvent.NewInHome e -> {
                var known = e.readers() != null ? e.readers() : homeReadersOf.get(e.entryId());
                var readers = known != null ? known : homeReadersAmong(open, e, e.entryId());
                toHome(open, once(e, readers), e, shared, out);
            }
            case LiveEvent.NewInCompany e -> toPublicReaders(open, e, e.postId(), e.tags(), shared, out);
            case LiveEvent.Edited e -> {
                toHomeReaders(open, e, e.postId(), shared, out);
                if (e.inCompanyFeed()) toPublicReaders(open, e, e.postId(), e.tags(), shared, out);
                if (e.groupId() != null) toGroupReaders(open, e, e.postId(), e.groupId(), shared, out);
            }
            case LiveEvent.NewInGroup e -> toGroupReaders(open, e, e.postId(), e.groupId(), shared, out);
            case LiveEvent.DirectMessage e -> {
                Predicate<Channel> match = c -> c.kind() == Channel.Kind.DIRECT;
                var candidates = open.listeningTo(DIRECT_KINDS).stream()
                        .filter(r ->
                                e.participants().contains(r.subscriber.viewer().accountId()))
                        .toList();
                if (candidates.isEmpty()) return;
                var readers = visibility.readersAmong(e.networkId(), e.postId(), accounts(candidates));
                deliver(candidates, readers, e, match, shared, out);
            }
            case LiveEvent.Deleted e -> {
                var candidates = open.listeningTo(POST_KINDS);
                if (candidates.isEmpty()) return;
                var readers = visibility.formerReadersAmong(e.networkId(), e.postId(), accounts(candidates));
                deliver(candidates, readers, e, Channel::showsPosts, shared, out);
            }
            case LiveEvent.CountsChanged e -> {
                var candidates = open.listeningTo(COUNTS_KINDS);
                if (candidates.isEmpty()) return;
                var readers = visibility.readersAmong(e.networkId(), e.postId(), accounts(candidates));
                deliver(candidates, readers, e, c -> c.kind() == Channel.Kind.COUNTS, shared, out);
            }
            case LiveEvent.NotificationAdded e -> {
                Predicate<Channel> match = c -> c.kind() == Channel.Kind.USER || c.kind() == Channel.Kind.NOTIFICATIONS;
                for (var r : open.byReader().getOrDefault(e.accountId(), List.of()))
                    for (var c : r.subscriber.channels()) if (match.test(c)) out.add(r, new Delivery(e, c, shared));
            }
        }
    }

    private void toHomeReaders(Open open, LiveEvent e, long postId, Delivery.Shared shared, Pending out) {
        toHome(open, homeReadersAmong(open, e, postId), e, shared, out);
    }

    private Set<Long> homeReadersAmong(Open open, LiveEvent e, long postId) {
        if (open.homeByReader().isEmpty()) return Set.of();
        return homeReaders.handle(e.networkId(), postId, open.homeByReader().keySet());
    }

    /**
     * A post announced in two parts (ADR 0066) reaches each reader once: the first part's readers are
     * remembered, and the second part goes only to its other readers: those whose stream opened in
     * between.
     */
    private Set<Long> once(LiveEvent.NewInHome e, Set<Long> readers) {
        return switch (e.part()) {
            case ALL -> readers;
            case LIVE_FIRST -> {
                toldFirst.put(e.entryId(), readers);
                yield readers;
            }
            case REST -> {
                var told = toldFirst.remove(e.entryId());
                if (told == null || told.isEmpty()) yield readers;
                var rest = new HashSet<>(readers);
                rest.removeAll(told);
                yield rest;
            }
        };
    }

    /** The event on the home streams of the given readers: found by reader, not by looking at every connection. */
    private static void toHome(Open open, Set<Long> readers, LiveEvent e, Delivery.Shared shared, Pending out) {
        for (var reader : readers)
            for (var r : open.homeByReader().getOrDefault(reader, List.of()))
                for (var c : r.subscriber.channels()) if (HOME.test(c)) out.add(r, new Delivery(e, c, shared));
    }

    private void toGroupReaders(
            Open open, LiveEvent e, long postId, long groupId, Delivery.Shared shared, Pending out) {
        var key = Channel.group(groupId);
        Predicate<Channel> match = key::equals;
        var candidates = listening(open.listeningTo(GROUP_KINDS), match);
        if (candidates.isEmpty()) return;
        // Asked now, not when the connection subscribed: a reader who left the group hears nothing more.
        var readers = visibility.readersAmong(e.networkId(), postId, accounts(candidates));
        deliver(candidates, readers, e, match, shared, out);
    }

    private void toPublicReaders(
            Open open, LiveEvent e, long postId, List<String> tags, Delivery.Shared shared, Pending out) {
        Predicate<Channel> match = c -> switch (c.kind()) {
            case PUBLIC, PUBLIC_LOCAL -> true;
            case HASHTAG, HASHTAG_LOCAL -> tags.contains(c.tag());
            default -> false;
        };
        var candidates = listening(open.listeningTo(PUBLIC_KINDS), match);
        if (candidates.isEmpty()) return;
        var readers = visibility.readersAmong(e.networkId(), postId, accounts(candidates));
        deliver(candidates, readers, e, match, shared, out);
    }

    private static List<Registration> listening(List<Registration> subscribers, Predicate<Channel> match) {
        var result = new ArrayList<Registration>();
        for (var r : subscribers)
            for (var c : r.subscriber.channels())
                if (match.test(c)) {
                    result.add(r);
                    break;
                }
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
            Delivery.Shared shared,
            Pending out) {
        for (var r : candidates) {
            if (!readers.contains(r.subscriber.viewer().accountId())) continue;
            for (var c : r.subscriber.channels()) if (match.test(c)) out.add(r, new Delivery(e, c, shared));
        }
    }
}
