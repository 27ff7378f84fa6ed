package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;

class AdminApiTest extends ApiTest {

    @Test
    void adminCreatesColleagueWithWorkContextWhoCanSignIn() {
        var email = "nina-" + System.nanoTime() + "@example.com";
        var created = admin.post(
                "/api/v1/admin/accounts",
                Map.of(
                        "username",
                        "nina",
                        "email",
                        email,
                        "password",
                        "a long enough password",
                        "display_name",
                        "Nina New",
                        "title",
                        "Analyst",
                        "department",
                        "Finance",
                        "location",
                        "Madrid",
                        "manager",
                        "eve"));
        assertThat(created.status()).isEqualTo(200);
        var account = created.body();
        assertThat(account.get("username").asString()).isEqualTo("nina");
        assertThat(account.get("display_name").asString()).isEqualTo("Nina New");
        assertThat(account.get("title").asString()).isEqualTo("Analyst");
        assertThat(account.get("department").asString()).isEqualTo("Finance");
        assertThat(account.get("location").asString()).isEqualTo("Madrid");
        assertThat(account.get("manager").get("id").asString()).isEqualTo(p.eve.idString());
        assertThat(MastodonSchema.problems("Account", account)).isEmpty();
        assertThat(alice.get("/api/v1/accounts/" + account.get("id").asString()).status())
                .isEqualTo(200);

        org.hallway.testing.PasswordGrant.of(anonymous, p.client()).token(email, "a long enough password", null);
    }

    @Test
    void rejectsInvalidOrDuplicateAccountsWith422() {
        var valid = Map.of(
                "username",
                "dup",
                "email",
                "dup-" + System.nanoTime() + "@example.com",
                "password",
                "a long enough password");
        assertThat(admin.post("/api/v1/admin/accounts", valid).status()).isEqualTo(200);
        var sameUsername = new HashMap<>(valid);
        sameUsername.put("email", "other-" + System.nanoTime() + "@example.com");
        assertError(admin.post("/api/v1/admin/accounts", sameUsername), 422);
        var sameUsernameOtherCase = new HashMap<>(sameUsername);
        sameUsernameOtherCase.put("username", "DUP");
        assertError(admin.post("/api/v1/admin/accounts", sameUsernameOtherCase), 422);
        var sameEmail = new HashMap<>(valid);
        sameEmail.put("username", "dup2");
        assertError(admin.post("/api/v1/admin/accounts", sameEmail), 422);

        var fresh = "x-" + System.nanoTime() + "@example.com";
        assertError(
                admin.post("/api/v1/admin/accounts", Map.of("email", fresh, "password", "a long enough password")),
                422);
        assertError(
                admin.post(
                        "/api/v1/admin/accounts", Map.of("username", "nomail", "password", "a long enough password")),
                422);
        assertError(admin.post("/api/v1/admin/accounts", Map.of("username", "nopass", "email", fresh)), 422);
        assertError(
                admin.post(
                        "/api/v1/admin/accounts",
                        Map.of("username", "bad name!", "email", fresh, "password", "a long enough password")),
                422);
        assertError(
                admin.post(
                        "/api/v1/admin/accounts",
                        Map.of("username", "badmail", "email", "not-an-email", "password", "a long enough password")),
                422);
        assertError(
                admin.post(
                        "/api/v1/admin/accounts", Map.of("username", "shortpw", "email", fresh, "password", "short")),
                422);
        assertError(
                admin.post(
                        "/api/v1/admin/accounts",
                        Map.of(
                                "username",
                                "nomanager",
                                "email",
                                fresh,
                                "password",
                                "a long enough password",
                                "manager",
                                "ghost")),
                422);
        assertThat(alice.get("/api/v1/accounts/lookup?acct=nomanager").status()).isEqualTo(404);
    }

    @Test
    void refusesAdministrationToNonAdmins() {
        var create = alice.post(
                "/api/v1/admin/accounts",
                Map.of(
                        "username",
                        "sneaky",
                        "email",
                        "sneaky-" + System.nanoTime() + "@example.com",
                        "password",
                        "a long enough password"));
        assertError(create, 403);
        assertError(
                alice.post("/api/v1/admin/accounts/" + p.eve.idString() + "/action", Map.of("type", "disable")), 403);
        assertError(anonymous.post("/api/v1/admin/accounts", Map.of("username", "anon")), 401);
        assertThat(eve.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void disablingColleagueEndsTheirTokensAndSignInButKeepsTheirPosts() {
        var leaver = p.add("leaver", "Leo Leaver", "", "", "", null);
        var leaverApi = anonymous.as(leaver.token());
        var status = post(leaverApi, "My last post before leaving");
        assertThat(leaverApi.get("/api/v1/accounts/verify_credentials").status())
                .isEqualTo(200);

        var disabled = admin.post("/api/v1/admin/accounts/" + leaver.idString() + "/action", Map.of("type", "disable"));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().isObject()).isTrue();

        var after = leaverApi.get("/api/v1/accounts/verify_credentials");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error()).isNotBlank();
        var signIn = org.hallway.testing.PasswordGrant.of(anonymous, p.client())
                .request(leaver.email(), Personas.PASSWORD, null);
        assertThat(signIn.status()).isEqualTo(400);
        assertThat(signIn.error()).isEqualTo("invalid_grant");

        var stillThere = alice.get("/api/v1/statuses/" + status);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.body().get("content").asString()).contains("My last post");
        assertThat(alice.get("/api/v1/accounts/" + leaver.idString()).status()).isEqualTo(200);
    }

    @Test
    void rejectsUnknownActionTypeAndUnknownAccount() {
        assertError(
                admin.post("/api/v1/admin/accounts/" + p.eve.idString() + "/action", Map.of("type", "explode")), 422);
        assertError(admin.post("/api/v1/admin/accounts/" + p.eve.idString() + "/action", Map.of()), 422);
        assertError(admin.post("/api/v1/admin/accounts/123/action", Map.of("type", "disable")), 404);
        assertError(
                admin.post(
                        "/api/v1/admin/accounts/" + factory.create().alice.idString() + "/action",
                        Map.of("type", "disable")),
                404);
        assertThat(eve.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    @Test
    void adminCannotDisableThemselves() {
        assertError(
                admin.post("/api/v1/admin/accounts/" + p.admin.idString() + "/action", Map.of("type", "disable")), 403);
        assertThat(admin.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);
    }

    private static void assertError(org.hallway.testing.Api.Response response, int status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(response.error()).isNotBlank();
    }
}
