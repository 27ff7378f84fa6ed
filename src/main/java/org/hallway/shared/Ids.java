package org.hallway.shared;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Time-ordered 64-bit ids: milliseconds since the Unix epoch in the high 48 bits and a sequence in
 * the low 16 bits, like Mastodon's. Ids sort like time, so feeds page by id without offsets.
 */
@Component
public class Ids {
    private static final int SEQUENCE_BITS = 16;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public Ids(Clock clock) {
        this.clock = clock;
    }

    /** The next id; never repeats within this process, even if the clock steps back. */
    public long next() {
        long now = clock.millis() << SEQUENCE_BITS;
        return last.updateAndGet(prev -> Math.max(prev + 1, now));
    }

    /** The smallest id that can have been made at the given epoch millisecond. */
    public static long floorOf(long epochMillis) {
        return epochMillis << SEQUENCE_BITS;
    }

    public static long millisOf(long id) {
        return id >>> SEQUENCE_BITS;
    }

    /**
     * A share of {@code bound} (0 inclusive to {@code bound} exclusive) fixed for the id, spread evenly
     * even over ids made in the same millisecond: to keep things that began together for many ids from
     * coming due together.
     */
    public static long spread(long id, long bound) {
        return Math.floorMod(Long.hashCode(id * 0x9E3779B97F4A7C15L), bound);
    }

    static long sequenceOf(long id) {
        return id & SEQUENCE_MASK;
    }
}
