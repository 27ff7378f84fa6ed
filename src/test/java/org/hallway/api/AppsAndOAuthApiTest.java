package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AppsAndOAuthApiTest extends ApiTest {
    private static final String OOB = "urn:ietf:wg:oauth:2.0:oob";

    @Test
    void registersAppFromJsonBody() {
        var app = anonymous.post(
                "/api/v1/apps",
                Map.of(
                        "client_name",
                        "Json App",
                        "redirect_uris",
                        OOB,
                        "scopes",
                        "read write",
                        "website",
                        "https://example.com"));
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body().get("id").isString()).isTrue();
        assertThat(app.body().get("name").asString()).isEqualTo("Json App");
        assertThat(app.body().get("website").asString()).isEqualTo("https://example.com");
        assertThat(app.body().get("redirect_uri").asString()).isEqualTo(OOB);
        assertThat(app.body().get("redirect_uris").get(0).asString()).isEqualTo(OOB);
        assertThat(app.body().get("scopes").toString()).contains("read").contains("write");
        assertThat(app.body().get("client_id").asString()).isNotBlank();
        assertThat(app.body().get("client_secret").asString()).isNotBlank();
        assertThat(MastodonSchema.problems("CredentialApplication", app.body())).isEmpty();
    }

    @Test
    void registersAppFromFormBody() {
        var app = anonymous.postForm(
                "/api/v1/apps",
                Map.of(
                        "client_name",
                        "Form App",
                        "redirect_uris",
                        "hallway-app://callback",
                        "scopes",
                        "read write follow"));
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body().get("name").asString()).isEqualTo("Form App");
        assertThat(app.body().get("redirect_uris").get(0).asString()).isEqualTo("hallway-app://callback");
        assertThat(app.body().get("website").isNull()).isTrue();
    }

    @Test
    void registersAppFromMultipartBody() {
        var app = anonymous.postMultipart(
                "/api/v1/apps", Map.of("client_name", "Multipart App", "redirect_uris", OOB, "scopes", "read"));
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body().get("name").asString()).isEqualTo("Multipart App");
    }

    @Test
    void rejectsAppWithoutNameOrRedirectUris() {
        var noName = anonymous.post("/api/v1/apps", Map.of("redirect_uris", OOB));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.error()).contains("client_name");
        var noRedirect = anonymous.postForm("/api/v1/apps", Map.of("client_name", "No Redirect"));
        assertThat(noRedirect.status()).isEqualTo(422);
        assertThat(noRedirect.error()).contains("redirect_uris");
    }

    @Test
    void rejectsAppWithUnknownScope() {
        var app = anonymous.post(
                "/api/v1/apps", Map.of("client_name", "Greedy", "redirect_uris", OOB, "scopes", "read everything"));
        assertThat(app.status()).isEqualTo(422);
        assertThat(app.error()).isNotBlank();
    }

    @Test
    void issuesTokenForPasswordGrantFromFormBodyWithEmailAsUsername() {
        var app = app("read write follow");
        var token = org.hallway.testing.PasswordGrant.of(anonymous, app)
                .request(p.alice.email(), Personas.PASSWORD, "read write");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.body().get("scope").asString()).isEqualTo("read write");
        assertThat(token.body().get("created_at").isIntegralNumber()).isTrue();
        assertThat(token.header("Cache-Control")).contains("no-store");
        var access = token.body().get("access_token").asString();
        assertThat(access).matches("[A-Za-z0-9_-]{20,}");
        var me = anonymous.as(access).get("/api/v1/accounts/verify_credentials");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asString()).isEqualTo("alice");
    }

    @Test
    void issuesTokenForPasswordGrantFromJsonBody() {
        var app = app("read write");
        var token = anonymous.post(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "password",
                        "username",
                        p.bob.email(),
                        "password",
                        Personas.PASSWORD,
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("scope").asString()).isEqualTo("read write");
        assertThat(anonymous
                        .as(token.body().get("access_token").asString())
                        .get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("username")
                        .asString())
                .isEqualTo("bob");
    }

    @Test
    void acceptsClientCredentialsAsHttpBasic() {
        var app = app("read");
        var basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((app.get("client_id").asString() + ":"
                                        + app.get("client_secret").asString())
                                .getBytes(StandardCharsets.UTF_8));
        var token = anonymous.postForm(
                "/oauth/token",
                Map.of("grant_type", "password", "username", p.tom.email(), "password", Personas.PASSWORD),
                Map.of("Authorization", basic));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("scope").asString()).isEqualTo("read");
    }

    @Test
    void refusesWrongPasswordAsInvalidGrant() {
        var app = app("read");
        var token = anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "password",
                        "username",
                        p.eve.email(),
                        "password",
                        "not her password",
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.error()).isEqualTo("invalid_grant");
        assertThat(token.body().has("access_token")).isFalse();
    }

    @Test
    void refusesUnknownClientOrWrongSecretAsInvalidClient() {
        var app = app("read");
        var wrongSecret = anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "password",
                        "username",
                        p.eve.email(),
                        "password",
                        Personas.PASSWORD,
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        "wrong"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.error()).isEqualTo("invalid_client");
        var unknown = anonymous.postForm(
                "/oauth/token",
                Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret", "nothing"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error()).isEqualTo("invalid_client");
        var none = anonymous.postForm("/oauth/token", Map.of("grant_type", "client_credentials"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.error()).isEqualTo("invalid_client");
    }

    @Test
    void refusesScopeOutsideTheAppsScopesAsInvalidScope() {
        var app = app("read");
        var beyond = tokenRequest(app, p.eve, "read write");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.error()).isEqualTo("invalid_scope");
        var unknown = tokenRequest(app, p.eve, "read nonsense");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).isEqualTo("invalid_scope");
    }

    @Test
    void refusesUnsupportedGrantType() {
        var app = app("read");
        var token = anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "implicit",
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.error()).isEqualTo("unsupported_grant_type");
        var missing = anonymous.postForm(
                "/oauth/token", Map.of("client_id", app.get("client_id").asString()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refusesPasswordGrantWithoutUsernameAsInvalidRequest() {
        var app = app("read");
        var token = anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "password",
                        "password",
                        Personas.PASSWORD,
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.error()).isEqualTo("invalid_request");
    }

    @Test
    void throttlesRepeatedWrongPasswordsWith429() {
        var target = p.add("guessed", "Gus Guessed", "", "", "", null);
        var app = app("read");
        var form = new java.util.HashMap<>(Map.of(
                "grant_type",
                "password",
                "username",
                target.email(),
                "password",
                "wrong guess",
                "client_id",
                app.get("client_id").asString(),
                "client_secret",
                app.get("client_secret").asString()));
        for (int i = 0; i < 5; i++)
            assertThat(anonymous.postForm("/oauth/token", form).error()).isEqualTo("invalid_grant");
        form.put("password", Personas.PASSWORD);
        var throttled = anonymous.postForm("/oauth/token", form);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(throttled.error()).isNotBlank();
        assertThat(anonymous
                        .as(target.token())
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void acceptsRedirectUrisAsJsonArray() {
        var app = anonymous.post(
                "/api/v1/apps",
                Map.of(
                        "client_name",
                        "Array App",
                        "redirect_uris",
                        java.util.List.of("hallway://one", "hallway://two"),
                        "scopes",
                        "read"));
        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body().get("redirect_uris").size()).isEqualTo(2);
        assertThat(app.body().get("redirect_uri").asString()).isEqualTo("hallway://one\nhallway://two");
    }

    @Test
    void issuesAppTokenForClientCredentialsThatVerifiesTheAppButNoUser() {
        var app = app("read write");
        var token = anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString(),
                        "scope",
                        "read"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("scope").asString()).isEqualTo("read");
        var appApi = anonymous.as(token.body().get("access_token").asString());
        var verified = appApi.get("/api/v1/apps/verify_credentials");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("name").asString())
                .isEqualTo(app.get("name").asString());
        assertThat(verified.body().has("client_secret")).isFalse();
        var me = appApi.get("/api/v1/accounts/verify_credentials");
        assertThat(me.status()).isEqualTo(422);
        assertThat(me.error()).isNotBlank();
    }

    @Test
    void verifiesAppCredentialsOfUserToken() {
        var verified = alice.get("/api/v1/apps/verify_credentials");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("name").asString()).isEqualTo("tests");
        assertThat(anonymous.get("/api/v1/apps/verify_credentials").status()).isEqualTo(401);
    }

    @Test
    void revokedTokenAnswers401() {
        var app = app("read write");
        var access = tokenRequest(app, p.tom, "read").body().get("access_token").asString();
        var api = anonymous.as(access);
        assertThat(api.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
        var revoked = anonymous.postForm(
                "/oauth/revoke",
                Map.of(
                        "token",
                        access,
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().isObject()).isTrue();
        var after = api.get("/api/v1/accounts/verify_credentials");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error()).isNotBlank();
    }

    @Test
    void anotherAppCannotRevokeAToken() {
        var owner = app("read write");
        var other = app("read write");
        var access =
                tokenRequest(owner, p.tom, "read").body().get("access_token").asString();
        var revoked = anonymous.postForm(
                "/oauth/revoke",
                Map.of(
                        "token",
                        access,
                        "client_id",
                        other.get("client_id").asString(),
                        "client_secret",
                        other.get("client_secret").asString()));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(anonymous
                        .as(access)
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesRevocationByUnknownClient() {
        var revoked = anonymous.postForm(
                "/oauth/revoke", Map.of("token", p.tom.token(), "client_id", "x", "client_secret", "y"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.error()).isEqualTo("invalid_client");
        assertThat(tom.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void answers400ForMalformedJsonToOAuthAndApps() {
        var token = anonymous.postRaw("/oauth/token", "application/json", "{\"grant_type\": ");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.error()).isNotBlank();
        var app = anonymous.postRaw("/api/v1/apps", "application/json", "[1, 2");
        assertThat(app.status()).isEqualTo(400);
        assertThat(app.error()).isNotBlank();
    }

    private JsonNode app(String scopes) {
        var app = anonymous.post(
                "/api/v1/apps", Map.of("client_name", "App " + scopes, "redirect_uris", OOB, "scopes", scopes));
        assertThat(app.status()).isEqualTo(200);
        return app.body();
    }

    private Api.Response tokenRequest(JsonNode app, Personas.Persona who, String scope) {
        return anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "password",
                        "username",
                        who.email(),
                        "password",
                        Personas.PASSWORD,
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString(),
                        "scope",
                        scope));
    }
}
