package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in was refused. The network and account are known only when the login named an existing
 * account; {@code login} is what was typed, kept for the audit log.
 */
public record SignInFailed(@Nullable Long networkId, @Nullable Long accountId, String login, String method) {}
