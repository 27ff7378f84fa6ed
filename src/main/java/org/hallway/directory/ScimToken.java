package org.hallway.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A provisioning token an administrator created for an identity provider; the secret is not kept. */
public record ScimToken(
        long id, long networkId, String name, Instant createdAt, @Nullable Instant lastUsedAt, boolean revoked) {}
