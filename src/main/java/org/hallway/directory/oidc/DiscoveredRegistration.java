package org.hallway.directory.oidc;

import org.hallway.directory.OidcSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one OpenID Connect client, discovered from the issuer on first use rather than at start: a
 * provider that is down when Hallway starts must not keep Hallway (and its password sign-in) down.
 */
final class DiscoveredRegistration implements ClientRegistrationRepository {
    static final String ID = "oidc";

    private final OidcSettings settings;
    private volatile ClientRegistration registration;

    DiscoveredRegistration(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!ID.equals(registrationId)) return null;
        var found = registration;
        if (found == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
                            .registrationId(ID)
                            .clientId(settings.clientId())
                            .clientSecret(settings.clientSecret())
                            .scope("openid", "profile", "email")
                            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                            .build();
                }
                found = registration;
            }
        }
        return found;
    }
}
