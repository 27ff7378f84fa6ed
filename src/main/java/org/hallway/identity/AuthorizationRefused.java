package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/**
 * An authorization request that cannot go on, with its RFC 6749 error code. When the client or its
 * redirect URI is in doubt the error is shown to the colleague and never sent anywhere (no
 * {@code redirectUri}); otherwise it goes back to the app's registered redirect URI.
 */
public class AuthorizationRefused extends RuntimeException {
    private final String code;
    private final @Nullable String redirectUri;

    AuthorizationRefused(String code, String description, @Nullable String redirectUri) {
        super(description);
        this.code = code;
        this.redirectUri = redirectUri;
    }

    public String code() {
        return code;
    }

    /** The checked redirect URI to send the error to, or null when the error is for the colleague's eyes only. */
    public @Nullable String redirectUri() {
        return redirectUri;
    }
}
