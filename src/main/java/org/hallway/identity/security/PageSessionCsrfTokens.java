package org.hallway.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens kept in the session, as Spring Security keeps them, except that a background request
 * never starts a session to keep one.
 *
 * <p>A page's htmx request that was under way when its session ended (signing out, {@code force_login})
 * found no token when it rendered its fragment, made one and started a new session to keep it. That
 * session's cookie replaced the one the sign-in page had just been given, so signing in was refused
 * as a forged request (the generic 403 page). The page that sent such a request has its token already;
 * a token kept for it in a new session would serve nobody.
 */
final class PageSessionCsrfTokens implements CsrfTokenRepository {
    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null && BackgroundRequest.is(request)) return;
        sessions.saveToken(token, request, response);
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }
}
