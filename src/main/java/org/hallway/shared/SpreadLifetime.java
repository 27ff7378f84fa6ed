package org.hallway.shared;

import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * A cached entry's lifetime that differs per key: from two thirds of the whole to all of it, a share
 * fixed per key (ADR 0075). Entries made in the same instant (every reader's token, card and kept feed
 * in the first seconds after a start, or on a Monday morning) then expire spread over a third of the
 * lifetime, and further apart each time, instead of together, when every request of that instant would
 * go to the database at once and hold up every other request.
 */
public final class SpreadLifetime {
    private SpreadLifetime() {}

    /** The lifetime of the entry with {@code key}: between two thirds of {@code whole} and all of it. */
    public static Duration of(Duration whole, long key) {
        return whole.minusMillis(Ids.spread(key, whole.toMillis() / 3));
    }

    /** Caffeine's expiry after each entry was written, spread over its key by {@link #of}. */
    public static <K, V> Expiry<K, V> afterWrite(Duration whole, ToLongFunction<? super K> key) {
        return Expiry.writing((K k, V v) -> of(whole, key.applyAsLong(k)));
    }
}
