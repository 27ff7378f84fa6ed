package org.hallway.identity;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Resolves a bearer token to its live grant; revoked tokens and deactivated accounts resolve to none. */
@Service
public class AuthenticateToken {
    private final TokenStore tokens;

    AuthenticateToken(TokenStore tokens) {
        this.tokens = tokens;
    }

    public Optional<TokenStore.Grant> handle(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return tokens.findActive(Secrets.hash(token));
    }
}
