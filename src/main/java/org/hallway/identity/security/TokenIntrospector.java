package org.hallway.identity.security;

import org.hallway.identity.AuthenticateToken;
import org.hallway.identity.SignedIn;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves opaque bearer tokens on every request against the live grants (revoked tokens and
 * deactivated accounts have none), so revocation is immediate.
 */
@Component
class TokenIntrospector implements OpaqueTokenIntrospector {
    private final AuthenticateToken authenticate;

    TokenIntrospector(AuthenticateToken authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        var grant = authenticate
                .handle(token)
                .orElseThrow(() -> new BadOpaqueTokenException("The access token is invalid"));
        return new SignedIn(
                grant.accountId(), grant.networkId(), grant.admin(), grant.name(), grant.scopes(), grant.appId());
    }
}
