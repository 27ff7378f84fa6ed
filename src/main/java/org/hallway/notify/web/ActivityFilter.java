package org.hallway.notify.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hallway.identity.SignedIn;
import org.hallway.notify.Presence;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the signed-in colleague as around on each request, web or API (it runs after the security
 * filters, so the principal is known). {@link Presence} keeps the writes to one a minute; a request to the
 * API is an app's, which shows no "Welcome back", so not even a first sight waits for its write.
 */
@Component
class ActivityFilter extends OncePerRequestFilter {
    private final Presence presence;

    ActivityFilter(Presence presence) {
        this.presence = presence;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn s && s.accountId() != null) {
            if (request.getRequestURI().startsWith("/api/")) presence.seenThroughApp(s.networkId(), s.accountId());
            else presence.seen(s.networkId(), s.accountId());
        }
        chain.doFilter(request, response);
    }
}
