package org.hallway.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the request gate tells the log about the requests it turns away. Overloaded, it answers
 * thousands a second with 503 (12,900 in 45 s of the bench's overloaded phase), and a line for each
 * would bury everything else in the log and cost the busy server more work. So the first one after a
 * quiet spell gets a line, and then at most one line per interval says how many followed, the last
 * of them once the interval after the overload has passed ({@link #flush()}); the metric {@code
 * hallway.http.turned.away} counts every one.
 */
final class TurnedAway {
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** Turned away since the last line. */
    private final AtomicLong unreported = new AtomicLong();
    /** When the last line was written (or the log began). */
    private final AtomicLong lastLine;
    /** The request turned away last, for the line. */
    private volatile String latest = "";

    TurnedAway(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastLine = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
    }

    /** Notes a request turned away; returns the line to log now, or null when this interval has had its line. */
    @Nullable
    String note(String method, String uri) {
        latest = method + " " + uri;
        unreported.incrementAndGet();
        return line();
    }

    /** The line for those turned away since the last one, once the interval has passed; null when there are none. */
    @Nullable
    String flush() {
        return unreported.get() == 0 ? null : line();
    }

    private @Nullable String line() {
        long now = nanoTime.getAsLong();
        long last = lastLine.get();
        if (now - last < intervalNanos || !lastLine.compareAndSet(last, now)) return null;
        long count = unreported.getAndSet(0);
        if (count == 0) return null;
        if (count == 1) return "Busy: turned away " + latest + " with 503";
        long seconds = Math.max(1, Duration.ofNanos(now - last).toSeconds());
        return "Busy: turned away " + count + " requests with 503 in the last " + seconds + " s, the latest " + latest;
    }
}
