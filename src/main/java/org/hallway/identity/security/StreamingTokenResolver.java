package org.hallway.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the bearer token in the Authorization header or the access_token parameter, and, for the
 * streaming API's WebSocket handshake, in the Sec-WebSocket-Protocol header: browsers cannot set
 * headers on a WebSocket, so Mastodon apps (masto.js) send the token as the subprotocol.
 */
final class StreamingTokenResolver implements BearerTokenResolver {
    private static final String STREAMING = "/api/v1/streaming";

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    StreamingTokenResolver() {
        standard.setAllowUriQueryParameter(true);
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        var token = standard.resolve(request);
        return token != null ? token : protocolToken(request);
    }

    static boolean isStreaming(String path) {
        return path.equals(STREAMING) || path.equals(STREAMING + "/");
    }

    /** Mastodon's streams over plain HTTP ({@code /api/v1/streaming/user}, ...); the health check is open. */
    static boolean isEventStream(String path) {
        return path.startsWith(STREAMING + "/") && !path.startsWith(STREAMING + "/health");
    }

    static @Nullable String protocolToken(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isStreaming(path)) return null;
        var header = request.getHeader("Sec-WebSocket-Protocol");
        if (header == null || header.isBlank()) return null;
        var first = header.split(",")[0].strip();
        return first.isEmpty() ? null : first;
    }
}
