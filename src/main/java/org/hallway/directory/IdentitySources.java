package org.hallway.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What the sign-in and administration pages offer: which identity sources are configured, for which network. */
@Component
public class IdentitySources {
    private final LdapSettings ldap;
    private final OidcSettings oidc;
    private final DirectoryNetwork network;

    IdentitySources(LdapSettings ldap, OidcSettings oidc, DirectoryNetwork network) {
        this.ldap = ldap;
        this.oidc = oidc;
        this.network = network;
    }

    public boolean ldap() {
        return ldap.configured();
    }

    /** The OpenID Connect provider's name for the sign-in button, or null without one. */
    public @Nullable String oidcName() {
        return oidc.configured() ? oidc.name() : null;
    }

    /** The path that starts OpenID Connect sign-in. */
    public String oidcPath() {
        return "/oauth2/authorization/" + SignInWithOidc.SOURCE;
    }

    /** True when colleagues of this network can sign in without a password Hallway keeps. */
    public boolean singleSignOn(long networkId) {
        return (ldap.configured() || oidc.configured()) && network.serves(networkId);
    }
}
