package org.hallway.stream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One event for one subscriber on one of its channels. Subscribers that receive the same event share
 * {@link #once}, so a payload (and the frame that carries it) is rendered once per event, not once per
 * connection.
 */
public record Delivery(LiveEvent event, Channel channel, Shared shared) {

    /** The value for {@code key} (a value object: a record or a string), computed by the first asker only. */
    public <T> T once(Object key, Supplier<T> make) {
        return shared.once(key, make);
    }

    /**
     * Results computed once for all deliveries of one event. The first connection to ask computes a
     * value; the others wait for it parked, not holding a lock of the map (a computation may query the
     * database, and hundreds of connections ask for the same key at once).
     */
    public static final class Shared {
        private final LiveEvent event;
        private final Map<Object, CompletableFuture<Object>> values = new ConcurrentHashMap<>();

        Shared(LiveEvent event) {
            this.event = event;
        }

        /** The event whose deliveries share these values. */
        public LiveEvent event() {
            return event;
        }

        /** Stores a value computed ahead ({@link Prerender}); a value already there is kept. */
        public void put(Object key, Object value) {
            values.putIfAbsent(key, CompletableFuture.completedFuture(value));
        }

        @SuppressWarnings("unchecked")
        <T> T once(Object key, Supplier<T> make) {
            var mine = new CompletableFuture<Object>();
            var existing = values.putIfAbsent(key, mine);
            if (existing != null) {
                try {
                    return (T) existing.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw e;
                }
            }
            try {
                T value = make.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }
}
