package org.hallway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hallway.audience.Visibility;
import org.hallway.shared.SpreadLifetime;
import org.springframework.stereotype.Service;

/**
 * Resolves a bearer token to its live grant; revoked tokens and deactivated accounts resolve to none. A
 * token's first use of the hour on this node notes its use and tells the audience module whether its
 * colleague is a guest (the grant holds the role), so that request asks the database nothing more.
 */
@Service
public class AuthenticateToken {
    // The "last used" date shown on the authorized-apps page is written at most once an hour per token,
    // so that reads stay reads; every hour less a share of up to twenty minutes fixed per token, so that
    // the tokens first used together are not touched again together (ADR 0075).
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);
    private static final int MAX_REMEMBERED = 100_000;

    private final TokenStore tokens;
    private final Visibility audience;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> touched = new ConcurrentHashMap<>();

    AuthenticateToken(TokenStore tokens, Visibility audience, Clock clock) {
        this.tokens = tokens;
        this.audience = audience;
        this.clock = clock;
    }

    public Optional<TokenStore.Grant> handle(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        var grant = tokens.findActive(Secrets.hash(token));
        grant.ifPresent(this::noteUse);
        return grant;
    }

    /**
     * On a token's first use of the hour on this node: notes the use, and tells the audience module
     * whether its colleague is a guest.
     */
    private void noteUse(TokenStore.Grant grant) {
        var now = clock.instant();
        var last = touched.get(grant.tokenId());
        if (last != null
                && last.plus(SpreadLifetime.of(TOUCH_EVERY, grant.tokenId())).isAfter(now)) return;
        if (touched.size() > MAX_REMEMBERED) touched.clear();
        touched.put(grant.tokenId(), now);
        tokens.touch(grant.tokenId(), now);
        if (grant.accountId() != null) audience.knowGuest(grant.accountId(), grant.guest());
    }
}
