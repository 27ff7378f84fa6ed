package org.hallway.stream.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's queue of deliveries, drained in order on a virtual thread that exists only while
 * there is something to send. A reader more than {@code limit} deliveries behind overflows: the
 * connection is closed rather than letting memory grow (clients reconnect and catch up from feeds).
 */
public final class Outbox<T> {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final int limit;
    private final Consumer<T> sink;
    private final Runnable overflow;
    private boolean draining;
    private boolean closed;

    public Outbox(int limit, Consumer<T> sink, Runnable overflow) {
        this.limit = limit;
        this.sink = sink;
        this.overflow = overflow;
    }

    public void offer(T item) {
        boolean start = false;
        boolean overflowed = false;
        lock.lock();
        try {
            if (closed) return;
            if (queue.size() >= limit) {
                closed = true;
                queue.clear();
                overflowed = true;
            } else {
                queue.add(item);
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
        while (true) {
            T next;
            lock.lock();
            try {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                sink.accept(next);
            } catch (RuntimeException e) {
                log.debug("Live delivery failed", e);
            }
        }
    }
}
