package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** What every endpoint shares: authentication, scopes and JSON errors. */
class AuthApiTest extends ApiTest {
    private static final List<String> PROTECTED_GETS = List.of(
            "/api/v1/accounts/verify_credentials",
            "/api/v1/accounts/1",
            "/api/v1/accounts/1/statuses",
            "/api/v1/accounts/1/followers",
            "/api/v1/accounts/1/following",
            "/api/v1/accounts/relationships?id[]=1",
            "/api/v1/accounts/lookup?acct=alice",
            "/api/v1/accounts/search?q=a",
            "/api/v1/statuses/1",
            "/api/v1/statuses/1/context",
            "/api/v1/statuses/1/history",
            "/api/v1/statuses/1/source",
            "/api/v1/statuses/1/favourited_by",
            "/api/v1/timelines/home",
            "/api/v1/timelines/public",
            "/api/v1/timelines/tag/x",
            "/api/v1/tags/x",
            "/api/v1/followed_tags",
            "/api/v1/favourites",
            "/api/v1/bookmarks",
            "/api/v1/apps/verify_credentials",
            "/api/v1/preferences",
            "/api/v1/notifications",
            "/api/v1/notifications/unread_count",
            "/api/v1/markers");

    private static final List<String> PROTECTED_POSTS = List.of(
            "/api/v1/statuses",
            "/api/v1/statuses/1/favourite",
            "/api/v1/statuses/1/unfavourite",
            "/api/v1/statuses/1/reblog",
            "/api/v1/statuses/1/unreblog",
            "/api/v1/statuses/1/bookmark",
            "/api/v1/statuses/1/unbookmark",
            "/api/v1/accounts/1/follow",
            "/api/v1/accounts/1/unfollow",
            "/api/v1/tags/x/follow",
            "/api/v1/tags/x/unfollow",
            "/api/v1/admin/accounts",
            "/api/v1/admin/accounts/1/action",
            "/api/v1/notifications/clear",
            "/api/v1/notifications/1/dismiss",
            "/api/v1/markers");

    @Test
    void answers401WithJsonErrorWithoutToken() {
        for (var path : PROTECTED_GETS) assertUnauthorized(anonymous.get(path), "GET " + path);
        for (var path : PROTECTED_POSTS) assertUnauthorized(anonymous.post(path, Map.of()), "POST " + path);
        assertUnauthorized(anonymous.put("/api/v1/statuses/1", Map.of("status", "x")), "PUT");
        assertUnauthorized(anonymous.delete("/api/v1/statuses/1"), "DELETE");
        assertUnauthorized(anonymous.patch("/api/v1/accounts/update_credentials", Map.of()), "PATCH");
    }

    @Test
    void answers401ForInvalidToken() {
        var forged = anonymous.as("not-a-real-token");
        var response = forged.get("/api/v1/timelines/home");
        assertUnauthorized(response, "forged");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void grantsOnlyWhatGranularScopesCover() {
        var narrow = org.hallway.testing.PasswordGrant.of(anonymous, p.client())
                .as(p.bob.email(), org.hallway.testing.Personas.PASSWORD, "read:statuses write:favourites");
        assertThat(narrow.get("/api/v1/timelines/home").status()).isEqualTo(200);
        var status = alice.post("/api/v1/statuses", Map.of("status", "Scope check"))
                .body()
                .get("id")
                .asString();
        assertThat(narrow.post("/api/v1/statuses/" + status + "/favourite").status())
                .isEqualTo(200);
        for (var denied : List.of(
                narrow.get("/api/v1/accounts/verify_credentials"),
                narrow.get("/api/v1/bookmarks"),
                narrow.post("/api/v1/statuses", Map.of("status", "no")),
                narrow.post("/api/v1/statuses/" + status + "/bookmark"),
                narrow.post("/api/v1/accounts/" + p.alice.idString() + "/follow"))) {
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.error()).isNotBlank();
        }
    }

    @Test
    void acceptsTokenAsQueryParameter() {
        var response = anonymous.get("/api/v1/accounts/verify_credentials?access_token=" + p.alice.token());
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void allowsInstanceAppsAndOAuthWithoutToken() {
        assertThat(anonymous.get("/api/v1/instance").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v2/instance").status()).isEqualTo(200);
        assertThat(anonymous.get("/.well-known/nodeinfo").status()).isEqualTo(200);
        assertThat(anonymous
                        .post("/api/v1/apps", Map.of("client_name", "x", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .postForm("/oauth/token", Map.of("grant_type", "password"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void tokensAreUrlSafe() {
        for (var token : List.of(p.alice.token(), p.bob.token(), p.admin.token())) {
            assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("/", "+", "=");
        }
        var app = anonymous
                .post("/api/v1/apps", Map.of("client_name", "x", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob"))
                .body();
        assertThat(app.get("client_id").asString()).matches("[A-Za-z0-9_-]+");
        assertThat(app.get("client_secret").asString()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void answers400ForMalformedJsonBody() {
        for (var body : List.of("{\"status\": ", "not json at all", "[\"an\", \"array\"]", "\"just a string\"")) {
            var response = alice.postRaw("/api/v1/statuses", "application/json", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.header("Content-Type")).contains("application/json");
            assertThat(response.error()).as(body).isNotBlank();
        }
        var put = alice.send("PUT", "/api/v1/statuses/1", "application/json", "{oops");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.error()).isNotBlank();
    }

    @Test
    void answers404WithJsonErrorForUnknownApiPath() {
        for (var path : List.of(
                "/api/v1/nothing_here", "/api/v1/statuses/1/nothing", "/api/v3/instance", "/api/v1/accounts/1/2/3")) {
            var response = alice.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path).contains("application/json");
            assertThat(response.error()).as(path).isNotBlank();
        }
        var post = alice.post("/api/v1/nothing_here", Map.of());
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.error()).isNotBlank();
    }

    @Test
    void answers405WithJsonErrorForWrongMethod() {
        for (var response : List.of(
                alice.delete("/api/v1/timelines/home"),
                alice.get("/api/v1/statuses/1/favourite"),
                alice.put("/api/v1/accounts/verify_credentials", Map.of()))) {
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Content-Type")).contains("application/json");
            assertThat(response.error()).isNotBlank();
        }
    }

    @Test
    void answers415WithJsonErrorForUnsupportedBodyType() {
        var response = alice.postRaw("/api/v1/statuses", "application/xml", "<status>hi</status>");
        assertThat(response.status()).isIn(415, 422);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(response.error()).isNotBlank();
    }

    private static void assertUnauthorized(Api.Response response, String what) {
        assertThat(response.status()).as(what).isEqualTo(401);
        assertThat(response.header("Content-Type")).as(what).contains("application/json");
        assertThat(response.error()).as(what).isNotBlank();
    }
}
