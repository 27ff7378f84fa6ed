package org.hallway.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code hallway.http.max-in-flight} requests work at once; the others wait their turn, in
 * order of arrival, up to {@code hallway.http.max-wait}, and are then answered 503 with {@code
 * Retry-After} like a busy database (ADR 0050). Requests run on virtual threads, so nothing else bounds
 * how many work at once: offered more than it can serve, the server would start them all, hold every
 * one's page in memory, and spend its time collecting garbage instead of answering. A waiting request
 * still holds its connection's buffers, tens of KiB: beyond {@code hallway.http.max-waiting} waiting,
 * a request is answered 503 at once. Requests turned away are counted ({@code hallway.http.turned.away})
 * and summed up in the log ({@link TurnedAway}).
 *
 * <p>Live streams hold their permit only until their response has started (the async part runs
 * outside), and uploads pass without one: a slow client sending a large file must not hold a place
 * meant for quick requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestGate extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

    private final Semaphore permits;
    private final Duration maxWait;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter turnedAway;
    private final TurnedAway turnedAwayLog = new TurnedAway(Duration.ofSeconds(10), System::nanoTime);

    RequestGate(
            @Value("${hallway.http.max-in-flight}") int maxInFlight,
            @Value("${hallway.http.max-wait}") Duration maxWait,
            @Value("${hallway.http.max-waiting}") int maxWaiting,
            MeterRegistry meters) {
        if (maxInFlight < 1) throw new IllegalArgumentException("hallway.http.max-in-flight must be at least 1");
        this.permits = new Semaphore(maxInFlight, true);
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
        this.turnedAway = Counter.builder("hallway.http.turned.away")
                .description("Requests answered 503 because every permit was taken and the line was full or too slow")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (upload(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!admitted()) {
            turnedAway.increment();
            var line = turnedAwayLog.note(request.getMethod(), request.getRequestURI());
            if (line != null) log.warn(line);
            BusyDatabase.busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** A permit at once, or after waiting in line if the line is not full; false without one. */
    private boolean admitted() throws ServletException {
        if (permits.tryAcquire()) return true;
        try {
            if (waiting.incrementAndGet() > maxWaiting) return false;
            return permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting to be served", e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Logs the requests turned away at the end of an overload, which no later one would report. */
    @Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.SECONDS)
    void reportTurnedAway() {
        var line = turnedAwayLog.flush();
        if (line != null) log.warn(line);
    }

    private static boolean upload(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
