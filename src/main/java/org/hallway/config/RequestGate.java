package org.hallway.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code hallway.http.max-in-flight} requests work at once; the others wait their turn, in
 * order of arrival, up to {@code hallway.http.max-wait}, and are then answered 503 with {@code
 * Retry-After} like a busy database (ADR 0050). Requests run on virtual threads, so nothing else bounds
 * how many work at once: offered more than it can serve, the server would start them all, hold every
 * one's page in memory, and spend its time collecting garbage instead of answering. Waiting costs a
 * parked virtual thread and the request's headers only.
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

    RequestGate(
            @Value("${hallway.http.max-in-flight}") int maxInFlight,
            @Value("${hallway.http.max-wait}") Duration maxWait) {
        if (maxInFlight < 1) throw new IllegalArgumentException("hallway.http.max-in-flight must be at least 1");
        this.permits = new Semaphore(maxInFlight, true);
        this.maxWait = maxWait;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (upload(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while waiting to be served", e);
        }
        if (!admitted) {
            log.warn("Waited {} for a turn: {} {}", maxWait, request.getMethod(), request.getRequestURI());
            BusyDatabase.busy(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private static boolean upload(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
