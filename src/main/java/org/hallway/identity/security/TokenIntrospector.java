package org.hallway.identity.security;

import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.identity.AuthenticateToken;
import org.hallway.identity.SignedIn;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Resolves opaque bearer tokens against the token store on every request, so revocation is immediate. */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {
    private final AuthenticateToken authenticate;
    private final AccountStore accounts;

    TokenIntrospector(AuthenticateToken authenticate, AccountStore accounts) {
        this.authenticate = authenticate;
        this.accounts = accounts;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        var grant = authenticate
                .handle(token)
                .orElseThrow(() -> new BadOpaqueTokenException("The access token is invalid"));
        if (grant.accountId() == null) {
            return new SignedIn(null, grant.networkId(), false, "app:" + grant.appId(), grant.scopes(), grant.appId());
        }
        var account = accounts.find(grant.networkId(), grant.accountId())
                .orElseThrow(() -> new BadOpaqueTokenException("The access token is invalid"));
        return new SignedIn(
                account.id(),
                account.networkId(),
                account.role() == Account.Role.ADMIN,
                account.email(),
                grant.scopes(),
                grant.appId());
    }
}
