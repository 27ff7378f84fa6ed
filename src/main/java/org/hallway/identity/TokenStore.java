package org.hallway.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: access tokens, kept only as hashes of the opaque value the client holds. */
public interface TokenStore {
    /** A live token: its scopes and, for a colleague's token, who they are (name is their e-mail). */
    record Grant(
            long tokenId,
            long networkId,
            Long accountId,
            long appId,
            Scopes scopes,
            boolean admin,
            boolean guest,
            String name) {}

    /** Apps a colleague has let act for them, with the scopes and dates of their live tokens. */
    record AuthorizedApp(
            long appId,
            String name,
            @Nullable String website,
            Scopes scopes,
            Instant authorizedAt,
            @Nullable Instant lastUsedAt) {}

    void insert(
            long id,
            long networkId,
            Long accountId,
            long appId,
            byte[] hash,
            byte @Nullable [] refreshHash,
            Scopes scopes,
            Instant at);

    /** Revokes the live token holding this refresh token, if issued to {@code appId}, and returns its grant. */
    Optional<Grant> consumeRefresh(long appId, byte[] refreshHash, Instant at);

    /** Records that a token was used (callers throttle how often). */
    default void touch(long tokenId, Instant at) {
        touchAll(Map.of(tokenId, at));
    }

    /** {@link #touch} for several tokens, each with the time of its last use, in one statement. */
    void touchAll(Map<Long, Instant> uses);

    List<AuthorizedApp> authorizedApps(long accountId);

    /** Revokes every live token of the account issued to the app; returns how many. */
    int revokeApp(long accountId, long appId, Instant at);

    /** The live grant behind a token hash: not revoked, and its account (if any) still active. */
    Optional<Grant> findActive(byte[] hash);

    /** Revokes the token if it was issued to {@code appId} and still live; answers what it granted. */
    Optional<Grant> revoke(long appId, byte[] hash, Instant at);

    /** Revokes every live token of the account; answers how many. */
    int revokeAll(long accountId, Instant at);
}
