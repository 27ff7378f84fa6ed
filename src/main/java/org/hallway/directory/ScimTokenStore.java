package org.hallway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: provisioning tokens, kept only as hashes of the secret the identity provider holds. */
public interface ScimTokenStore {
    void insert(long id, long networkId, String name, byte[] hash, @Nullable Long createdBy, Instant at);

    /** The network a live (not revoked) token serves, with the token's name; records the use. */
    Optional<ScimCaller> callerOf(byte[] hash, Instant at);

    List<ScimToken> list(long networkId);

    /** Revokes a token of this network; false if there is none. */
    boolean revoke(long networkId, long id, Instant at);
}
