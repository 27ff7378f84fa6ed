package org.hallway.stream.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's queue of deliveries, drained in order on a virtual thread that exists only while
 * there is something to send. The drainer takes everything queued at once and hands it to the sink
 * one item at a time, then calls {@code flush} once: a connection that holds its writes back (ADR
 * 0043) sends a run of events in one write, and a burst of events wakes the connection once, not once
 * per event. A reader more than {@code limit} deliveries behind (queued or being sent) overflows: the
 * connection is closed rather than letting memory grow (clients reconnect and catch up from feeds).
 */
public final class Outbox<T> {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private ArrayDeque<T> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final int limit;
    private final Consumer<T> sink;
    private final Runnable flush;
    private final Runnable overflow;
    private boolean draining;
    private volatile boolean closed;
    /** Items taken by the drainer and not yet all sent: they still count against the limit. */
    private int sending;

    public Outbox(int limit, Consumer<T> sink, Runnable flush, Runnable overflow) {
        this.limit = limit;
        this.sink = sink;
        this.flush = flush;
        this.overflow = overflow;
    }

    public void offer(T item) {
        offerAll(List.of(item));
    }

    /** Queues several items with one lock and at most one wake-up of the drainer. */
    public void offerAll(List<T> items) {
        if (items.isEmpty()) return;
        boolean start = false;
        boolean overflowed = false;
        lock.lock();
        try {
            if (closed) return;
            if (queue.size() + sending + items.size() > limit) {
                closed = true;
                queue.clear();
                overflowed = true;
            } else {
                queue.addAll(items);
                if (!draining) draining = start = true;
            }
        } finally {
            lock.unlock();
        }
        if (overflowed) overflow.run();
        if (start) Thread.ofVirtual().name("live-outbox").start(this::drain);
    }

    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        var taken = new ArrayDeque<T>();
        while (true) {
            lock.lock();
            try {
                sending = 0;
                if (queue.isEmpty() || closed) {
                    draining = false;
                    return;
                }
                // Swap the queues: offers go on into the empty one while this run is sent.
                var run = queue;
                queue = taken;
                taken = run;
                sending = taken.size();
            } finally {
                lock.unlock();
            }
            for (T next; !closed && (next = taken.poll()) != null; ) {
                try {
                    sink.accept(next);
                } catch (RuntimeException e) {
                    log.debug("Live delivery failed", e);
                }
            }
            taken.clear();
            try {
                flush.run();
            } catch (RuntimeException e) {
                log.debug("Live delivery failed", e);
            }
        }
    }
}
