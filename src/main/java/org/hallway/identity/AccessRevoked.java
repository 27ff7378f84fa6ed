package org.hallway.identity;

import org.jspecify.annotations.Nullable;

/**
 * A deactivation's detail for the audit log: who did it (an administrator, or nobody when the
 * directory did: {@code reason} then names it) and how many access tokens it revoked.
 */
public record AccessRevoked(
        long networkId, long accountId, @Nullable Long byAccountId, String reason, int tokensRevoked) {}
