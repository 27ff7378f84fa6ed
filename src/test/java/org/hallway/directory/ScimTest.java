package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.PasswordGrant;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base for SCIM tests: the personas' network with a provisioning token its administrator created, and
 * a client that speaks {@code application/scim+json} with it, as identity providers do.
 */
abstract class ScimTest extends ApiTest {
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @Autowired
    CreateScimToken createToken;

    protected String scimToken;
    protected Api scim;

    @BeforeAll
    void createProvisioningToken() {
        scimToken = createToken.handle(p.admin.viewer(), "Identity provider").secret();
        scim = new Api(baseUrl(), scimToken);
    }

    static Api.Response send(Api api, String method, String path, String json) {
        return api.send(method, "/scim/v2" + path, json == null ? null : "application/scim+json", json);
    }

    Api.Response scim(String method, String path, String json) {
        return send(scim, method, path, json);
    }

    Api.Response scim(String method, String path) {
        return send(scim, method, path, null);
    }

    static String filter(String filter) {
        return "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    static String unique(String name) {
        return name + System.nanoTime();
    }

    static void assertScimError(Api.Response response, int status, String scimType) {
        assertThat(response.status()).as("%s", response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/scim+json");
        assertThat(response.body().get("schemas").get(0).asString()).isEqualTo(ERROR);
        assertThat(response.body().get("status").asString()).isEqualTo(Integer.toString(status));
        if (scimType != null)
            assertThat(response.body().get("scimType").asString()).isEqualTo(scimType);
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }

    static JsonNode resources(Api.Response list) {
        assertThat(list.status()).as("%s", list.raw().body()).isEqualTo(200);
        return list.body().get("Resources");
    }

    /** An OAuth token by the password grant, as a Mastodon app signs in; null when refused. */
    String passwordToken(String email, String password) {
        var response = PasswordGrant.of(anonymous, p.client()).request(email, password, "read write");
        return response.status() == 200 ? response.body().get("access_token").asString() : null;
    }

    /** Signs in through the web login form (with its CSRF token); true when the home page follows. */
    boolean webSignIn(String email, String password) {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            var form = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).isTrue();
            var body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var location = response.headers().firstValue("Location").orElse("");
            return response.statusCode() == 302 && !location.contains("/login");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
