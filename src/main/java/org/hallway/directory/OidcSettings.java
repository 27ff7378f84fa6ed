package org.hallway.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenID Connect single sign-on ({@code HALLWAY_OIDC_*}): the provider's issuer, Hallway's client
 * there, the button's label, and which claims carry the work context.
 */
@ConfigurationProperties("hallway.oidc")
public record OidcSettings(String issuer, String clientId, String clientSecret, String name, Claims claims) {

    public record Claims(String title, String department, String location, String manager, String phone) {
        public Claims {
            title = or(title, "title");
            department = or(department, "department");
            location = or(location, "locality");
            manager = or(manager, "manager");
            phone = or(phone, "phone_number");
        }
    }

    public OidcSettings {
        issuer = or(issuer, "");
        clientId = or(clientId, "");
        clientSecret = clientSecret == null ? "" : clientSecret;
        name = or(name, "single sign-on");
        if (claims == null) claims = new Claims(null, null, null, null, null);
    }

    public boolean configured() {
        return !issuer.isBlank() && !clientId.isBlank();
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
