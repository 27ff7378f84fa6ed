package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/**
 * Access tokens stopped working: an app revoked one ({@code /oauth/revoke}; the account is none for an
 * app's own token), or a colleague withdrew an app's access on the "Apps" page.
 */
public record TokenRevoked(long networkId, @Nullable Long accountId, long appId, String appName) {}
