package org.hallway.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One event for one subscriber on one of its channels. Subscribers that receive the same event share
 * {@link #once}, so a payload is rendered once per event, not once per connection.
 */
public record Delivery(LiveEvent event, Channel channel, Shared shared) {

    public <T> T once(String key, Supplier<T> make) {
        return shared.once(key, make);
    }

    /** Results computed once for all deliveries of one event. */
    public static final class Shared {
        private final Map<String, Object> values = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <T> T once(String key, Supplier<T> make) {
            return (T) values.computeIfAbsent(key, k -> make.get());
        }
    }
}
