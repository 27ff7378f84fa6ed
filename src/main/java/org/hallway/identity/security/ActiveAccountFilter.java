package org.hallway.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hallway.identity.AccountStore;
import org.hallway.identity.SignedIn;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the web session of a colleague who was deactivated since signing in, on their next request:
 * sessions are checked against the account every time, like tokens.
 */
class ActiveAccountFilter extends OncePerRequestFilter {
    private final AccountStore accounts;

    ActiveAccountFilter(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.getPrincipal() instanceof SignedIn s
                && s.accountId() != null
                && !accounts.isActive(s.networkId(), s.accountId())) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) session.invalidate();
            response.sendRedirect(request.getContextPath() + "/login?deactivated");
            return;
        }
        chain.doFilter(request, response);
    }
}
