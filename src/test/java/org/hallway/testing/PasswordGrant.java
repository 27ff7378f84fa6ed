package org.hallway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth password grant as a Mastodon app signs a colleague in: the app's client id and secret, the
 * colleague's e-mail and password, the scopes asked for, sent as a form to {@code /oauth/token}.
 */
public record PasswordGrant(Api anonymous, String clientId, String clientSecret) {

    /** For the personas' app ({@link Personas#client()}). */
    public static PasswordGrant of(Api anonymous, Map<String, String> client) {
        return new PasswordGrant(anonymous, client.get("client_id"), client.get("client_secret"));
    }

    /** For an app registered through {@code POST /api/v1/apps}. */
    public static PasswordGrant of(Api anonymous, JsonNode app) {
        return new PasswordGrant(
                anonymous,
                app.get("client_id").asString(),
                app.get("client_secret").asString());
    }

    /** The answer of {@code /oauth/token}, granted or not; without scopes, the app's. */
    public Api.Response request(String email, String password, @Nullable String scope) {
        var form = new HashMap<String, String>();
        form.put("grant_type", "password");
        form.put("username", email);
        form.put("password", password);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (scope != null) form.put("scope", scope);
        return anonymous.postForm("/oauth/token", form);
    }

    /** The access token granted; fails the test when refused. */
    public String token(String email, String password, @Nullable String scope) {
        var response = request(email, password, scope);
        assertThat(response.status()).as("%s", response.raw().body()).isEqualTo(200);
        return response.body().get("access_token").asString();
    }

    /** A client calling the API with the token granted to this colleague. */
    public Api as(String email, String password, @Nullable String scope) {
        return anonymous.as(token(email, password, scope));
    }
}
