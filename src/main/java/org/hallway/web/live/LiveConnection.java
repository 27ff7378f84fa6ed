package org.hallway.web.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.hallway.posts.PostStore;
import org.hallway.shared.Viewer;
import org.hallway.stream.Channel;
import org.hallway.stream.Delivery;
import org.hallway.stream.LiveEvent;
import org.hallway.stream.Subscriber;
import org.hallway.stream.Switchboard;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open page's event stream. Posts are announced by id ({@code event: post}, the SSE id being the
 * post's id, so the browser reconnects with the last one it saw); the page fetches the cards itself
 * when the reader asks for them. Every post is sent at most once per connection: a post both replayed
 * after a reconnect and delivered live goes out once.
 */
final class LiveConnection implements Subscriber {
    private static final int REMEMBERED = 4096;

    private final SseEmitter emitter;
    private final Viewer viewer;
    private final Set<Channel> channels;
    private final PostStore posts;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashSet<Long> sent = new LinkedHashSet<>();
    private final List<ResponseBodyEmitter.DataWithMediaType> held = new ArrayList<>();
    private volatile Switchboard.Registration registration;
    private volatile boolean closed;

    LiveConnection(SseEmitter emitter, Viewer viewer, @Nullable Channel feed, PostStore posts) {
        this.emitter = emitter;
        this.viewer = viewer;
        var notifications = Channel.of(Channel.Kind.NOTIFICATIONS);
        var counts = Channel.of(Channel.Kind.COUNTS);
        this.channels = feed == null ? Set.of(notifications, counts) : Set.of(feed, notifications, counts);
        this.posts = posts;
    }

    void registered(Switchboard.Registration registration) {
        this.registration = registration;
    }

    @Override
    public Viewer viewer() {
        return viewer;
    }

    @Override
    public Set<Channel> channels() {
        return channels;
    }

    @Override
    public void deliver(Delivery delivery) {
        switch (delivery.event()) {
            case LiveEvent.NewInHome e -> announce(e.entryId(), true);
            case LiveEvent.NewInCompany e -> announce(e.postId(), true);
            case LiveEvent.Deleted e -> hold(SseEmitter.event().name("delete").data(Long.toString(e.postId())));
            case LiveEvent.CountsChanged e -> {
                String counts = delivery.once("counts:" + e.postId(), () -> posts.find(e.networkId(), e.postId())
                        .map(p -> "{\"id\":\"" + p.id() + "\",\"replies\":" + p.repliesCount() + ",\"reblogs\":"
                                + p.reblogsCount() + ",\"favourites\":" + p.favouritesCount() + "}")
                        .orElse(""));
                if (!counts.isEmpty()) hold(SseEmitter.event().name("counts").data(counts));
            }
            case LiveEvent.NotificationAdded e -> {
                // The home feed's channel hears of notifications too (as Mastodon's user stream does):
                // the badge counts each one once, from its own channel.
                if (delivery.channel().kind() == Channel.Kind.NOTIFICATIONS)
                    hold(SseEmitter.event().name("notification").data("{\"id\":\"" + e.notificationId() + "\"}"));
            }
            case LiveEvent.Edited e -> {}
            case LiveEvent.NewInGroup e -> {}
            case LiveEvent.DirectMessage e -> {}
        }
    }

    /** Announces a post unless this connection already did. */
    void post(long id) {
        announce(id, false);
    }

    private void announce(long id, boolean live) {
        lock.lock();
        try {
            if (!sent.add(id)) return;
            if (sent.size() > REMEMBERED) sent.removeFirst();
            var event = SseEmitter.event().id(Long.toString(id)).name("post").data(Long.toString(id));
            if (live) hold(event);
            else send(event);
        } finally {
            lock.unlock();
        }
    }

    /** Keeps a live event for {@link #flush}: only the connection's delivery thread calls it. */
    private void hold(SseEmitter.SseEventBuilder event) {
        held.addAll(event.build());
    }

    /** Writes the events of a run of deliveries with one flush of the response (ADR 0043). */
    @Override
    public void flush() {
        if (held.isEmpty() || closed) {
            held.clear();
            return;
        }
        var run = new LinkedHashSet<>(held);
        held.clear();
        lock.lock();
        try {
            emitter.send(run);
        } catch (IOException | IllegalStateException e) {
            close();
        } finally {
            lock.unlock();
        }
    }

    void comment(String text) {
        send(SseEmitter.event().comment(text));
    }

    void retry(long millis) {
        send(SseEmitter.event().reconnectTime(millis));
    }

    /** Holds live deliveries back while the missed posts are replayed, so the order stays oldest first. */
    void replaying(Runnable replay) {
        lock.lock();
        try {
            replay.run();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void overflowed() {
        close();
        emitter.complete();
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
        var r = registration;
        if (r != null) r.close();
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (closed) return;
        lock.lock();
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            close();
        } finally {
            lock.unlock();
        }
    }
}
