package org.hallway.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when a request gave up waiting for a database connection: an
 * overloaded server says "busy, come back" (which apps and load balancers retry) instead of 500, which
 * reads as a bug. Sits before every other filter but {@link RequestGate}, so the token check, the API
 * and the web pages are all covered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BusyDatabase extends OncePerRequestFilter {
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(BusyDatabase.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!noConnection(e) || response.isCommitted()) throw e;
            log.warn("No database connection in time for {} {}", request.getMethod(), request.getRequestURI());
            busy(request, response);
        }
    }

    private static boolean noConnection(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException)
                return true;
        }
        return false;
    }

    static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setCharacterEncoding("UTF-8");
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/oauth/") || path.startsWith("/scim/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"Hallway is busy; try again in a few seconds\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("Hallway is busy. Please try again in a few seconds.");
        }
    }
}
