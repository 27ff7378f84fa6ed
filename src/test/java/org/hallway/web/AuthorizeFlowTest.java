package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hallway.testing.Api;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The browser sign-in of apps: the authorization-code flow with PKCE as a phone or desktop app runs
 * it, from the sign-in page through consent to the code exchange, and every way it must refuse.
 */
class AuthorizeFlowTest extends BrowserTest {
    private static final String OOB = "urn:ietf:wg:oauth:2.0:oob";

    @Autowired
    JdbcClient jdbc;

    private HttpServer listener;
    private final List<String> callbacks = new CopyOnWriteArrayList<>();
    private String callback;
    private Api anonymous;

    @BeforeAll
    void startListener() throws IOException {
        // The app's side of the redirect: a local HTTP server that records what it is sent.
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/callback", exchange -> {
            callbacks.add(exchange.getRequestURI().getRawQuery());
            var body = "Back in the app".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        callback = "http://127.0.0.1:" + listener.getAddress().getPort() + "/callback";
        anonymous = new Api(baseUrl(), null);
    }

    @AfterAll
    void stopListener() {
        listener.stop(0);
    }

    @Test
    void appSignsInThroughTheBrowserWithPkceAndCallsTheApi() {
        var app = app("Pocket Hallway", "read write follow", callback);
        var verifier = verifier();
        var page = newPage();
        page.navigate(authorizeUrl(app, callback, "read write", "xyz-123", challenge(verifier)));

        // Not signed in: the sign-in page first, then back to the request.
        page.getByLabel("Work e-mail").fill(p.alice.email());
        page.getByLabel("Password").fill(Personas.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Pocket Hallway");
        assertThat(page.locator(".scope-list li")).hasCount(2);
        assertThat(page.locator(".scope-list")).containsText("Post, edit and delete posts");
        assertThat(page.locator("main")).containsText("Alice Adams");
        assertThat(page.locator("main")).containsText("https://pocket.example");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize"))
                .click();
        page.waitForURL(callback + "**");
        var answer = query(page.url());
        assertThat(answer).containsEntry("state", "xyz-123").containsKey("code");

        var token = exchange(app, answer.get("code"), callback, verifier);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().get("scope").asString()).isEqualTo("read write");
        assertThat(token.body().get("refresh_token").asString()).isNotBlank();
        var api = anonymous.as(token.body().get("access_token").asString());
        assertThat(api.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("username")
                        .asString())
                .isEqualTo("alice");
        assertThat(api.get("/api/v1/apps/verify_credentials").body().get("name").asString())
                .isEqualTo("Pocket Hallway");
        // The token carries only the scopes consented to.
        assertThat(api.post("/api/v1/admin/accounts", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void outOfBandShowsTheCodeOnAPageToCopy() {
        var app = app("Terminal Client", "read", OOB);
        var page = signIn(p.tom);
        page.navigate(authorizeUrl(app, OOB, "read", null, null));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize"))
                .click();
        var code = page.getByLabel("Code").inputValue();
        assertThat(code).matches("[A-Za-z0-9_-]{40,}");

        var token = exchange(app, code, OOB, null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(anonymous
                        .as(token.body().get("access_token").asString())
                        .get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("username")
                        .asString())
                .isEqualTo("tom");
    }

    @Test
    void redirectsToARegisteredCustomScheme() {
        var app = app("Phone App", "read", "myapp://callback");
        var page = signIn(p.bob);
        page.navigate(authorizeUrl(app, "myapp://callback", "read", "s1", null));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize")))
                .isVisible();
        // The browser would hand myapp: to the operating system; post the consent form as it would.
        var form = FormData.create()
                .set("_csrf", page.locator("input[name=_csrf]").inputValue())
                .set("response_type", "code")
                .set("client_id", app.get("client_id").asString())
                .set("redirect_uri", "myapp://callback")
                .set("scope", "read")
                .set("state", "s1")
                .set("decision", "approve");
        var answer = page.request()
                .post("/oauth/authorize", RequestOptions.create().setForm(form).setMaxRedirects(0));
        assertThat(answer.status()).isEqualTo(302);
        var location = answer.headers().get("location");
        assertThat(location).startsWith("myapp://callback?code=");
        var code = query(location).get("code");
        assertThat(exchange(app, code, "myapp://callback", null).status()).isEqualTo(200);
    }

    @Test
    void denyingSendsAccessDeniedAndIssuesNothing() {
        var app = app("Nosy App", "read", callback);
        var page = signIn(p.eve);
        page.navigate(authorizeUrl(app, callback, "read", "st", null));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deny"))
                .click();
        page.waitForURL(callback + "**");
        var answer = query(page.url());
        assertThat(answer).containsEntry("error", "access_denied").containsEntry("state", "st");
        assertThat(answer).doesNotContainKey("code");
        assertThat(tokensOf(app)).isZero();
    }

    @Test
    void unregisteredRedirectUriShowsAnErrorAndRedirectsNowhere() {
        var app = app("Careful App", "read", callback);
        var page = signIn(p.eve);
        int before = callbacks.size();
        var response = page.navigate(authorizeUrl(app, "https://attacker.example/steal", "read", null, null));
        assertThat(response.status()).isEqualTo(400);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/oauth/authorize.*"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("did not register");
        var unknownClient = page.navigate(
                baseUrl() + "/oauth/authorize?response_type=code&client_id=nope&redirect_uri=" + enc(callback));
        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(callbacks).hasSize(before);
    }

    @Test
    void unknownOrExcessiveScopeIsSentBackAsInvalidScope() {
        var app = app("Scoped App", "read", callback);
        var page = signIn(p.eve);
        page.navigate(authorizeUrl(app, callback, "read everything", "a", null));
        page.waitForURL(callback + "**");
        assertThat(query(page.url())).containsEntry("error", "invalid_scope").containsEntry("state", "a");
        page.navigate(authorizeUrl(app, callback, "read write", "b", null));
        page.waitForURL(callback + "**");
        assertThat(query(page.url())).containsEntry("error", "invalid_scope").containsEntry("state", "b");
        assertThat(tokensOf(app)).isZero();
    }

    @Test
    void replayedCodeIsAnInvalidGrant() {
        var app = app("Replay App", "read", callback);
        var verifier = verifier();
        var code = authorize(app, verifier);
        assertThat(exchange(app, code, callback, verifier).status()).isEqualTo(200);
        var replay = exchange(app, code, callback, verifier);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.error()).isEqualTo("invalid_grant");
        assertThat(replay.body().get("error_description").asString()).isNotBlank();
        assertThat(replay.body().has("access_token")).isFalse();
        assertThat(tokensOf(app)).isEqualTo(1);
    }

    @Test
    void pkceMismatchIsAnInvalidGrantAndIssuesNothing() {
        var app = app("Pkce App", "read", callback);
        var verifier = verifier();
        var code = authorize(app, verifier);
        var wrong = exchange(app, code, callback, verifier());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).isEqualTo("invalid_grant");
        var missing = exchange(app, code, callback, null);
        assertThat(missing.error()).isEqualTo("invalid_grant");
        assertThat(tokensOf(app)).isZero();
    }

    @Test
    void redirectUriMismatchAtTheTokenEndpointIsAnInvalidGrant() {
        var app = app("Two Doors", "read", callback + " " + callback + "2");
        var verifier = verifier();
        var code = authorize(app, verifier);
        var mismatch = exchange(app, code, callback + "2", verifier);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.error()).isEqualTo("invalid_grant");
        assertThat(tokensOf(app)).isZero();
    }

    @Test
    void codeOfAnotherAppIsAnInvalidGrant() {
        var app = app("Owner App", "read", callback);
        var thief = app("Thief App", "read", callback);
        var verifier = verifier();
        var code = authorize(app, verifier);
        var stolen = exchange(thief, code, callback, verifier);
        assertThat(stolen.error()).isEqualTo("invalid_grant");
        assertThat(tokensOf(thief)).isZero();
    }

    @Test
    void expiredCodeIsAnInvalidGrant() throws Exception {
        var app = app("Slow App", "read", callback);
        var verifier = verifier();
        var code = authorize(app, verifier);
        // Ten minutes pass: the code's expiry is moved into the past rather than waiting for it.
        jdbc.sql("update oauth_codes set expires_at = now() - interval '1 second' where code_hash = ?")
                .param(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)))
                .update();
        var expired = exchange(app, code, callback, verifier);
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.error()).isEqualTo("invalid_grant");
        assertThat(tokensOf(app)).isZero();
    }

    @Test
    void refreshTokenRotates() {
        var app = app("Refreshing App", "read write", callback);
        var verifier = verifier();
        var first = exchange(app, authorize(app, verifier), callback, verifier).body();
        var refreshed = anonymous.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        first.get("refresh_token").asString(),
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(refreshed.status()).isEqualTo(200);
        var second = refreshed.body();
        assertThat(second.get("access_token").asString())
                .isNotEqualTo(first.get("access_token").asString());
        assertThat(second.get("refresh_token").asString())
                .isNotEqualTo(first.get("refresh_token").asString());
        assertThat(second.get("scope").asString()).isEqualTo("read");
        assertThat(anonymous
                        .as(first.get("access_token").asString())
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(401);
        assertThat(anonymous
                        .as(second.get("access_token").asString())
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(200);
        var replayed = anonymous.post(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        first.get("refresh_token").asString(),
                        "client_id",
                        app.get("client_id").asString(),
                        "client_secret",
                        app.get("client_secret").asString()));
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.error()).isEqualTo("invalid_grant");
        assertThat(tokensOf(app)).isEqualTo(2);
    }

    @Test
    void forceLoginAsksToSignInAgain() {
        var app = app("Switcher", "read", callback);
        var page = signIn(p.tom);
        page.navigate(authorizeUrl(app, callback, "read", null, null) + "&force_login=true");
        assertThat(page.getByLabel("Work e-mail")).isVisible();
        page.getByLabel("Work e-mail").fill(p.bob.email());
        page.getByLabel("Password").fill(Personas.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("main")).containsText("Bob Brown");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize"))
                .click();
        page.waitForURL(callback + "**");
        var token = exchange(app, query(page.url()).get("code"), callback, null);
        assertThat(anonymous
                        .as(token.body().get("access_token").asString())
                        .get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("username")
                        .asString())
                .isEqualTo("bob");
    }

    @Test
    void backgroundRequestsOfThePreviousPageKeepTheWayBackAfterForceLogin() throws Exception {
        var app = app("Late Stream", "read", callback);
        var page = signIn(p.tom);
        var endedSession = sessionCookie(page);
        // The app sends Tom's browser to force_login: Tom is signed out, the request is kept to return
        // to after signing in, and the browser is on its way to the sign-in page...
        var signOut = page.request()
                .get(
                        authorizeUrl(app, callback, "read", null, null) + "&force_login=true",
                        RequestOptions.create().setMaxRedirects(0));
        var toSignIn = page.request()
                .get(signOut.headers().get("location"), RequestOptions.create().setMaxRedirects(0));
        assertThat(toSignIn.headers().get("location")).endsWith("/login");
        // ...when Home's live stream and an htmx request, sent before Tom's session ended and answered
        // after, come back. A session they started would replace the one that holds the way back.
        var stream = sentWithSession(endedSession, "/live?feed=home", "Accept", "text/event-stream");
        var htmx = sentWithSession(endedSession, "/live/cards?feed=home&min_id=0", "HX-Request", "true");
        // An htmx fragment already under way when the session ended renders its forms' CSRF token
        // after; the sign-in form, which needs no session, stands for it here. A session started to
        // keep that token would replace the sign-in page's, and signing in would be refused as forged.
        var fragment = sentWithSession(endedSession, "/login", "HX-Request", "true");
        for (var late : List.of(stream, htmx, fragment)) keepCookies(page, late);
        page.navigate(toSignIn.headers().get("location"));

        page.getByLabel("Work e-mail").fill(p.bob.email());
        page.getByLabel("Password").fill(Personas.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Late Stream");
        assertThat(page.locator("main")).containsText("Bob Brown");
        // They were told 401, not sent to the sign-in page; htmx shows why in the page's status area.
        assertThat(stream.status()).isEqualTo(401);
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.headers().firstValue("HX-Retarget")).hasValue("#toast");
        assertThat(htmx.body()).contains("signed out");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.cookies()).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
    }

    @Test
    void revokingAnAppOnTheAuthorizedAppsPageEndsItsTokensAtOnce() {
        var app = app("Desk Client", "read write", OOB);
        var api = org.hallway.testing.PasswordGrant.of(anonymous, app).as(p.eve.email(), Personas.PASSWORD, "read");
        assertThat(api.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        var page = signIn(p.eve);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Apps"))
                .click();
        var card = page.locator(".authorized-app")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Desk Client"));
        assertThat(card).containsText("See everything you can see");
        assertThat(card).not().containsText("Post, edit and delete");
        assertThat(card).not().containsText("Last used never");
        card.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke Desk Client"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Access withdrawn");
        assertThat(page.locator(".authorized-app")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Desk Client")))
                .hasCount(0);
        assertThat(api.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        // Eve's other apps keep working.
        assertThat(anonymous
                        .as(p.eve.token())
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAppsUseIsWrittenWithinSecondsThoughNobodyLooks() {
        var app = app("Pocket Reader", "read", OOB);
        var api = org.hallway.testing.PasswordGrant.of(anonymous, app).as(p.eve.email(), Personas.PASSWORD, "read");
        assertThat(api.get("/api/v1/timelines/home").status()).isEqualTo(200);
        // The request did not wait for the note of its use; the note follows on its own.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from oauth_tokens t join oauth_apps a on a.id = t.app_id"
                                        + " where a.name = 'Pocket Reader' and t.last_used_at is not null")
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void revokingSomeoneElsesAppAuthorizationIsNotFound() {
        var page = signIn(p.eve);
        page.navigate("/settings/apps");
        var form = FormData.create()
                .set("_csrf", page.locator("input[name=_csrf]").first().inputValue());
        var answer = page.request()
                .post(
                        "/settings/apps/1/revoke",
                        RequestOptions.create().setForm(form).setMaxRedirects(0));
        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void publishesAuthorizationServerMetadata() {
        var metadata = anonymous.get("/.well-known/oauth-authorization-server");
        assertThat(metadata.status()).isEqualTo(200);
        var body = metadata.body();
        assertThat(body.get("issuer").asString()).isEqualTo(baseUrl() + "/");
        assertThat(body.get("authorization_endpoint").asString()).isEqualTo(baseUrl() + "/oauth/authorize");
        assertThat(body.get("token_endpoint").asString()).isEqualTo(baseUrl() + "/oauth/token");
        assertThat(body.get("revocation_endpoint").asString()).isEqualTo(baseUrl() + "/oauth/revoke");
        assertThat(body.get("app_registration_endpoint").asString()).isEqualTo(baseUrl() + "/api/v1/apps");
        assertThat(body.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(body.get("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(body.get("grant_types_supported").toString())
                .contains("authorization_code", "password", "client_credentials", "refresh_token");
        assertThat(body.get("scopes_supported").toString()).contains("read:lists", "write:statuses", "admin:read");
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream()
                .filter(c -> c.name.equals("JSESSIONID"))
                .findFirst()
                .orElseThrow()
                .value;
    }

    /** The browser stores the cookies its background requests were answered with. */
    private void keepCookies(Page page, Late late) {
        for (var header : late.cookies())
            for (var cookie : HttpCookie.parse(header))
                page.context().addCookies(List.of(new Cookie(cookie.getName(), cookie.getValue()).setUrl(baseUrl())));
    }

    /** What a browser got for a background request: the last answer, and every cookie set on the way. */
    private record Late(int status, List<String> cookies, HttpHeaders headers, String body) {}

    /**
     * A background request as a browser sends it from a page whose session has ended: with that
     * session's cookie, following redirects as it would while its cookie jar still holds that session.
     */
    private Late sentWithSession(String session, String path, String header, String value) throws Exception {
        var http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var uri = URI.create(baseUrl() + path);
        var cookies = new ArrayList<String>();
        for (int hop = 0; ; hop++) {
            var answer = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Cookie", "JSESSIONID=" + session)
                            .header(header, value)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            cookies.addAll(answer.headers().allValues("Set-Cookie"));
            var location = answer.headers().firstValue("Location");
            if (answer.statusCode() / 100 != 3 || location.isEmpty() || hop == 5)
                return new Late(answer.statusCode(), cookies, answer.headers(), answer.body());
            uri = uri.resolve(location.get());
        }
    }

    /** Runs consent in a signed-in browser and returns the code the app's listener receives. */
    private String authorize(JsonNode app, String verifier) {
        var page = signIn(p.alice);
        page.navigate(authorizeUrl(app, callback, "read", "s", challenge(verifier)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize"))
                .click();
        page.waitForURL(callback + "**");
        var code = query(page.url()).get("code");
        page.context().close();
        return code;
    }

    private JsonNode app(String name, String scopes, String redirectUris) {
        var app = anonymous.post(
                "/api/v1/apps",
                Map.of(
                        "client_name",
                        name,
                        "redirect_uris",
                        redirectUris,
                        "scopes",
                        scopes,
                        "website",
                        "https://pocket.example"));
        assertThat(app.status()).isEqualTo(200);
        return app.body();
    }

    private Api.Response exchange(JsonNode app, String code, String redirectUri, String verifier) {
        var form = new HashMap<String, String>(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                redirectUri,
                "client_id",
                app.get("client_id").asString(),
                "client_secret",
                app.get("client_secret").asString()));
        if (verifier != null) form.put("code_verifier", verifier);
        return anonymous.postForm("/oauth/token", form);
    }

    private int tokensOf(JsonNode app) {
        return jdbc.sql(
                        "select count(*) from oauth_tokens t join oauth_apps a on a.id = t.app_id where a.client_id = ?")
                .param(app.get("client_id").asString())
                .query(Integer.class)
                .single();
    }

    private String authorizeUrl(JsonNode app, String redirectUri, String scope, String state, String challenge) {
        var url = baseUrl() + "/oauth/authorize?response_type=code&client_id="
                + enc(app.get("client_id").asString()) + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc(scope);
        if (state != null) url += "&state=" + enc(state);
        if (challenge != null) url += "&code_challenge=" + challenge + "&code_challenge_method=S256";
        return url;
    }

    private static Map<String, String> query(String url) {
        var raw = URI.create(url).getRawQuery();
        var map = new HashMap<String, String>();
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            map.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    private static String verifier() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
