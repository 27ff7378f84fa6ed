package org.hallway.identity;

import java.time.Instant;
import java.util.Optional;

/** Port: access tokens, kept only as hashes of the opaque value the client holds. */
public interface TokenStore {
    /** A live token: its scopes and, for a colleague's token, who they are (name is their e-mail). */
    record Grant(long tokenId, long networkId, Long accountId, long appId, Scopes scopes, boolean admin, String name) {}

    void insert(long id, long networkId, Long accountId, long appId, byte[] hash, Scopes scopes, Instant at);

    /** The live grant behind a token hash: not revoked, and its account (if any) still active. */
    Optional<Grant> findActive(byte[] hash);

    /** Revokes the token if it was issued to {@code appId} and still live; answers what it granted. */
    Optional<Grant> revoke(long appId, byte[] hash, Instant at);

    /** Revokes every live token of the account; answers how many. */
    int revokeAll(long accountId, Instant at);
}
