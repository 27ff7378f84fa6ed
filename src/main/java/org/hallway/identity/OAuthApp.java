package org.hallway.identity;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A client application registered through /api/v1/apps (a phone app, a script, a desktop client). */
public record OAuthApp(
        long id,
        String name,
        @Nullable String website,
        List<String> redirectUris,
        Scopes scopes,
        String clientId,
        String clientSecret,
        Instant createdAt) {}
