package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hallway.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * The request sequences Microsoft Entra ID and Okta send when they provision, change, deactivate and
 * delete a person, and what the colleagues in Hallway see of it.
 */
class ScimProvisioningTest extends ScimTest {

    @Test
    void entraProvisioningCycle() {
        var userName = unique("ada.lovelace") + "@corp.example";
        // 1. Entra looks the person up first.
        var lookup = scim("GET", "/Users" + filter("userName eq \"" + userName + "\""));
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body().get("totalResults").asInt()).isZero();

        // 2. Not there: it creates them.
        var created = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s","%s"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"Ada Lovelace",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"Ada Lovelace","familyName":"Lovelace","givenName":"Ada"},
                 "title":"Analyst",
                 "phoneNumbers":[{"type":"work","value":"+44 20 7946 0000"}],
                 "%s":{"department":"Engines","employeeNumber":"1815"}}"""
                        .formatted(CORE, ENTERPRISE, unique("aad-"), userName, userName, ENTERPRISE));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/scim+json");
        var id = created.body().get("id").asString();
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + id);
        assertThat(created.body().get("userName").asString()).isEqualTo(userName);
        assertThat(created.body().get("active").asBoolean()).isTrue();
        assertThat(created.body().get("title").asString()).isEqualTo("Analyst");
        assertThat(created.body().get(ENTERPRISE).get("department").asString()).isEqualTo("Engines");
        assertThat(created.body().get(ENTERPRISE).get("employeeNumber").asString())
                .isEqualTo("1815");
        assertThat(created.body().get("phoneNumbers").get(0).get("value").asString())
                .isEqualTo("+44 20 7946 0000");
        assertThat(created.body().get("meta").get("resourceType").asString()).isEqualTo("User");
        assertThat(created.body().get("password")).isNull();

        // 3. It finds them by the filter it used.
        var found = resources(scim("GET", "/Users" + filter("userName eq \"" + userName.toUpperCase() + "\"")));
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("id").asString()).isEqualTo(id);

        // 4. Attributes change in the directory: Entra's PATCH with capitalised ops, filtered paths
        // and the manager as a bare id.
        var patched = scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[
                  {"op":"Replace","path":"displayName","value":"Ada King"},
                  {"op":"Replace","path":"title","value":"Countess"},
                  {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"%s"},
                  {"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+44 7700 900000"},
                  {"op":"Add","path":"%s:department","value":"Analytical Engines"},
                  {"op":"Add","path":"%s:manager","value":"%s"}]}"""
                        .formatted(PATCH_OP, "king-" + userName, ENTERPRISE, ENTERPRISE, managerId()));
        assertThat(patched.status()).as("%s", patched.raw().body()).isEqualTo(200);
        var user = scim("GET", "/Users/" + id).body();
        assertThat(user.get("displayName").asString()).isEqualTo("Ada King");
        assertThat(user.get("title").asString()).isEqualTo("Countess");
        assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo("king-" + userName);
        assertThat(user.get(ENTERPRISE).get("department").asString()).isEqualTo("Analytical Engines");
        assertThat(user.get(ENTERPRISE).get("manager").get("value").asString()).isEqualTo(managerId());

        // Colleagues see the directory's data on the profile.
        var account = alice.get("/api/v1/accounts/" + id).body();
        assertThat(account.get("display_name").asString()).isEqualTo("Ada King");
        assertThat(account.get("title").asString()).isEqualTo("Countess");
        assertThat(account.get("department").asString()).isEqualTo("Analytical Engines");
        assertThat(account.get("manager").get("id").asString()).isEqualTo(managerId());

        // 5. The person leaves: Entra sends active as the string "False".
        var deactivated = scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}"""
                        .formatted(PATCH_OP));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(scim("GET", "/Users/" + id).body().get("active").asBoolean()).isFalse();

        // 6. Later it deletes them: gone for SCIM, kept as a former colleague with their posts.
        assertThat(scim("DELETE", "/Users/" + id).status()).isEqualTo(204);
        assertScimError(scim("GET", "/Users/" + id), 404, null);
        assertScimError(scim("DELETE", "/Users/" + id), 404, null);
        assertThat(scim("GET", "/Users" + filter("userName eq \"" + userName + "\""))
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertThat(alice.get("/api/v1/accounts/" + id).status()).isEqualTo(200);
    }

    @Test
    void oktaProvisioningCycle() {
        var userName = unique("grace.hopper") + "@corp.example";
        var password = "Navy-Cobol-1959";
        assertThat(scim("GET", "/Users" + filter("userName eq \"" + userName + "\"") + "&startIndex=1&count=100")
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();

        var created = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s",
                 "name":{"givenName":"Grace","familyName":"Hopper"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Grace Hopper","locale":"en-US","externalId":"%s",
                 "groups":[],"password":"%s","active":true}"""
                        .formatted(CORE, userName, userName, unique("00u"), password));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        var id = created.body().get("id").asString();
        assertThat(scim("GET", "/Users/" + id)
                        .body()
                        .get("name")
                        .get("givenName")
                        .asString())
                .isEqualTo("Grace");
        assertThat(passwordToken(userName, password)).isNotNull();

        // Okta sends the whole user with PUT when a profile changes.
        var replaced = scim(
                "PUT",
                "/Users/" + id,
                """
                {"schemas":["%s","%s"],"id":"%s","userName":"%s",
                 "name":{"givenName":"Grace","familyName":"Hopper"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Rear Admiral Grace Hopper","title":"Rear Admiral","active":true,
                 "%s":{"department":"Navy"}}"""
                        .formatted(CORE, ENTERPRISE, id, userName, userName, ENTERPRISE));
        assertThat(replaced.status()).as("%s", replaced.raw().body()).isEqualTo(200);
        assertThat(replaced.body().get("title").asString()).isEqualTo("Rear Admiral");
        assertThat(alice.get("/api/v1/accounts/" + id).body().get("department").asString())
                .isEqualTo("Navy");

        // Okta deactivates with a path-less replace.
        var deactivated = scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":false}}]}"""
                        .formatted(PATCH_OP));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(passwordToken(userName, password)).isNull();

        // ...and reactivates the same way: the person can sign in again.
        var reactivated = scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":true}}]}"""
                        .formatted(PATCH_OP));
        assertThat(reactivated.body().get("active").asBoolean()).isTrue();
        assertThat(passwordToken(userName, password)).isNotNull();
        assertThat(scim("DELETE", "/Users/" + id).status()).isEqualTo(204);

        // Deleted, then created again (a rehire): the same colleague is back, with their handle.
        var again = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s","displayName":"Grace Hopper",
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"active":true}"""
                        .formatted(CORE, userName, userName));
        assertThat(again.status()).as("%s", again.raw().body()).isEqualTo(201);
        assertThat(again.body().get("id").asString()).isEqualTo(id);
        assertThat(again.body().get("active").asBoolean()).isTrue();
        assertThat(again.body().get("title")).isNull();
    }

    @Test
    void provisionedColleagueCanBeMentionedAndFoundThenLosesAccessWhenDeactivated() {
        var userName = unique("linus") + "@corp.example";
        var password = "a long enough password";
        var created = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s","displayName":"Linus Pauling","password":"%s",
                 "emails":[{"primary":true,"value":"%s"}]}"""
                        .formatted(CORE, userName, password, userName));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        var id = created.body().get("id").asString();
        var handle = created.body().get("nickName").asString();
        assertThat(handle).isEqualTo(userName.substring(0, userName.indexOf('@')));

        // Colleagues find them and can mention them.
        var lookup = bob.get("/api/v1/accounts/lookup?acct=" + handle);
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body().get("id").asString()).isEqualTo(id);
        var search = bob.get("/api/v1/accounts/search?q=Linus");
        assertThat(ids(search.body())).contains(id);
        var mention = bob.post("/api/v1/statuses", Map.of("status", "Welcome @" + handle + "!"));
        assertThat(mention.status()).isEqualTo(200);
        assertThat(mention.body().get("mentions").get(0).get("id").asString()).isEqualTo(id);

        // They sign in, on the web and with an app.
        assertThat(webSignIn(userName, password)).isTrue();
        var token = passwordToken(userName, password);
        assertThat(token).isNotNull();
        var app = new Api(baseUrl(), token);
        assertThat(app.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        // The identity provider deactivates them: the token stops at once, the login is refused.
        var deactivated = scim(
                "PATCH",
                "/Users/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"replace","path":"active","value":false}]}"""
                        .formatted(PATCH_OP));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(app.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(webSignIn(userName, password)).isFalse();
        assertThat(passwordToken(userName, password)).isNull();
        // The post that mentions them stays.
        assertThat(bob.get("/api/v1/statuses/" + mention.body().get("id").asString())
                        .status())
                .isEqualTo(200);
    }

    private String managerId() {
        return p.alice.idString();
    }
}
