package org.hallway.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A one-time code that a colleague's consent produced for an app: bound to the app, the redirect URI,
 * the scopes and the PKCE challenge the app sent, and valid for a few minutes.
 */
public record AuthorizationCode(
        long id,
        long networkId,
        long accountId,
        long appId,
        String redirectUri,
        Scopes scopes,
        @Nullable String codeChallenge,
        Instant createdAt,
        Instant expiresAt) {}
