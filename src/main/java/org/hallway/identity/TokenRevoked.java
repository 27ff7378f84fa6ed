package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/** An app revoked one of its access tokens ({@code /oauth/revoke}); the account is none for an app's own token. */
public record TokenRevoked(long networkId, @Nullable Long accountId, long appId, String appName) {}
