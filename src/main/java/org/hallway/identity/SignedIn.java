package org.hallway.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * Who made a request: a colleague signed in through the web (a session) or through the API (a token,
 * whose scopes limit what it may do). A client-credentials token has a network but no account.
 */
public record SignedIn(
        @Nullable Long accountId,
        long networkId,
        boolean admin,
        String name,
        @Nullable Scopes scopes,
        @Nullable Long appId)
        implements OAuth2AuthenticatedPrincipal, Serializable {

    public @Nullable Viewer viewer() {
        return accountId == null ? null : new Viewer(accountId, networkId, admin);
    }

    /** Web sessions may do everything their account may; tokens only what their scopes grant. */
    public boolean grants(String scope) {
        return scopes == null || scopes.grants(scope);
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return admin ? List.of(new SimpleGrantedAuthority("ROLE_ADMIN")) : List.of();
    }

    @Override
    public String getName() {
        return name;
    }
}
