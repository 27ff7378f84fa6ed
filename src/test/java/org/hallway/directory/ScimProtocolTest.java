package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.hallway.testing.Api;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The SCIM protocol itself: discovery, filters and paging, groups, errors as RFC 7644 error
 * responses, and the token as the boundary between networks.
 */
class ScimProtocolTest extends ScimTest {
    @Autowired
    RevokeScimToken revokeToken;

    @Autowired
    ScimTokenStore tokens;

    @Autowired
    DirectoryNetwork directoryNetwork;

    @Test
    void describesWhatItSupports() {
        var config = scim("GET", "/ServiceProviderConfig");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Content-Type")).startsWith("application/scim+json");
        assertThat(config.body().get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.body().get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.body().get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.body().get("authenticationSchemes").get(0).get("type").asString())
                .isEqualTo("oauthbearertoken");

        var types = resources(scim("GET", "/ResourceTypes"));
        assertThat(names(types, "name")).containsExactly("User", "Group");
        assertThat(types.get(0).get("schemaExtensions").get(0).get("schema").asString())
                .isEqualTo(ENTERPRISE);
        assertThat(scim("GET", "/ResourceTypes/User").body().get("endpoint").asString())
                .isEqualTo("/Users");

        var schemas = resources(scim("GET", "/Schemas"));
        assertThat(names(schemas, "id"))
                .containsExactly(CORE, ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:Group");
        var enterprise = scim("GET", "/Schemas/" + ENTERPRISE).body();
        assertThat(names(enterprise.get("attributes"), "name")).contains("department", "manager", "employeeNumber");
        assertScimError(scim("GET", "/Schemas/urn:nothing"), 404, null);
    }

    @Test
    void filtersByUserNameEmailAndExternalIdAndPages() {
        var prefix = unique("filter");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(prefix + "." + i + "@corp.example", "ext-" + prefix + "-" + i)
                    .get("id")
                    .asString());
        }
        assertThat(idsOf(scim("GET", "/Users" + filter("userName sw \"" + prefix + "\""))))
                .isEqualTo(ids);
        assertThat(idsOf(scim("GET", "/Users" + filter("emails.value eq \"" + prefix + ".1@corp.example\""))))
                .containsExactly(ids.get(1));
        assertThat(idsOf(scim("GET", "/Users" + filter("emails[value co \"" + prefix + ".2\"]"))))
                .containsExactly(ids.get(2));
        assertThat(idsOf(scim("GET", "/Users" + filter("externalId eq \"ext-" + prefix + "-0\""))))
                .containsExactly(ids.get(0));
        assertThat(idsOf(scim("GET", "/Users" + filter("userName sw \"" + prefix + "\" and externalId ew \"-2\""))))
                .containsExactly(ids.get(2));
        // externalId is case-exact, userName is not.
        assertThat(idsOf(scim("GET", "/Users" + filter("externalId eq \"EXT-" + prefix + "-0\""))))
                .isEmpty();

        var page = scim("GET", "/Users" + filter("userName sw \"" + prefix + "\"") + "&startIndex=2&count=1");
        assertThat(page.body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(page.body().get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.body().get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(idsOf(page)).containsExactly(ids.get(1));

        var trimmed = resources(scim(
                        "GET", "/Users" + filter("userName sw \"" + prefix + "\"") + "&attributes=userName&count=1"))
                .get(0);
        assertThat(trimmed.get("userName")).isNotNull();
        assertThat(trimmed.get("id")).isNotNull();
        assertThat(trimmed.get("emails")).isNull();
    }

    @Test
    void answersErrorsAsScimErrorResponses() {
        assertScimError(scim("GET", "/Users" + filter("userName eq")), 400, "invalidFilter");
        assertScimError(scim("GET", "/Groups?startIndex=first"), 400, "invalidValue");
        assertScimError(scim("GET", "/Users" + filter("title eq \"x\"")), 400, "invalidFilter");
        assertScimError(scim("GET", "/Users" + filter("userName gt \"x\"")), 400, "invalidFilter");
        assertScimError(scim("GET", "/Users" + filter("userName eq \"x\" or userName eq \"y\"")), 400, "invalidFilter");

        var userName = unique("dup") + "@corp.example";
        create(userName, null);
        assertScimError(
                scim("POST", "/Users", "{\"schemas\":[\"%s\"],\"userName\":\"%s\"}".formatted(CORE, userName)),
                409,
                "uniqueness");
        // Someone else's e-mail address, taken by a colleague created by hand.
        assertScimError(
                scim(
                        "POST",
                        "/Users",
                        "{\"schemas\":[\"%s\"],\"userName\":\"%s\",\"emails\":[{\"value\":\"%s\"}]}"
                                .formatted(CORE, unique("other") + "@corp.example", p.eve.email())),
                409,
                "uniqueness");
        assertScimError(scim("POST", "/Users", "{\"schemas\":[\"%s\"]}".formatted(CORE)), 400, "invalidValue");
        var noEmail = unique("noemail");
        assertScimError(
                scim("POST", "/Users", "{\"schemas\":[\"%s\"],\"userName\":\"%s\"}".formatted(CORE, noEmail)),
                400,
                "invalidValue");
        assertThat(scim("GET", "/Users" + filter("userName eq \"" + noEmail + "\""))
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();
        assertScimError(scim("POST", "/Users", "{not json"), 400, "invalidSyntax");
        assertScimError(scim("GET", "/Users/123"), 404, null);
        assertScimError(scim("GET", "/Users/not-a-number"), 404, null);
        assertScimError(scim("GET", "/Bulk"), 404, null);

        var id = create(unique("patchy") + "@corp.example", null).get("id").asString();
        assertScimError(
                scim(
                        "PATCH",
                        "/Users/" + id,
                        "{\"schemas\":[\"%s\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}]}"
                                .formatted(PATCH_OP)),
                400,
                "invalidValue");
        assertThat(scim("GET", "/Users/" + id).body().get("active").asBoolean()).isTrue();
    }

    @Test
    void refusesCallersWithoutAValidProvisioningToken() {
        assertScimError(send(anonymous, "GET", "/Users", null), 401, null);
        assertScimError(send(anonymous.as("not-a-token"), "GET", "/Users", null), 401, null);
        // A colleague's OAuth token is not a provisioning token.
        assertScimError(send(admin, "GET", "/Users", null), 401, null);

        var created = createToken.handle(p.admin.viewer(), "Retired connector");
        var retired = new Api(baseUrl(), created.secret());
        assertThat(send(retired, "GET", "/Users", null).status()).isEqualTo(200);
        revokeToken.handle(p.admin.viewer(), created.token().id());
        assertScimError(send(retired, "GET", "/Users", null), 401, null);
        assertThat(tokens.list(p.networkId).stream().filter(ScimToken::revoked).map(ScimToken::id))
                .contains(created.token().id());
    }

    @Test
    void anotherNetworksTokenSeesNothingOfThisNetwork() {
        var userName = unique("secret") + "@corp.example";
        var id = create(userName, null).get("id").asString();
        var group = scim("POST", "/Groups", "{\"displayName\":\"%s\"}".formatted(unique("Board")))
                .body()
                .get("id")
                .asString();

        Personas other = factory.create();
        var otherScim = new Api(
                baseUrl(), createToken.handle(other.admin.viewer(), "Other IdP").secret());
        assertScimError(send(otherScim, "GET", "/Users/" + id, null), 404, null);
        assertScimError(send(otherScim, "GET", "/Groups/" + group, null), 404, null);
        assertScimError(
                send(
                        otherScim,
                        "PATCH",
                        "/Users/" + id,
                        "{\"schemas\":[\"%s\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"
                                .formatted(PATCH_OP)),
                404,
                null);
        assertScimError(send(otherScim, "DELETE", "/Users/" + id, null), 404, null);
        assertThat(send(otherScim, "GET", "/Users" + filter("userName eq \"" + userName + "\""), null)
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();
        // A group in the other network cannot take this network's colleague as a member.
        assertScimError(
                send(
                        otherScim,
                        "POST",
                        "/Groups",
                        "{\"displayName\":\"Spies\",\"members\":[{\"value\":\"%s\"}]}".formatted(id)),
                400,
                "invalidValue");
        assertThat(scim("GET", "/Users/" + id).body().get("active").asBoolean()).isTrue();
    }

    @Test
    void managesGroupsAsEntraAndOktaDo() {
        var ann = create(unique("ann") + "@corp.example", null).get("id").asString();
        var ben = create(unique("ben") + "@corp.example", null).get("id").asString();
        var name = unique("Engineering ");
        assertThat(scim("GET", "/Groups" + filter("displayName eq \"" + name + "\""))
                        .body()
                        .get("totalResults")
                        .asInt())
                .isZero();
        var created = scim(
                "POST",
                "/Groups",
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
                 "externalId":"%s","members":[{"value":"%s"}]}"""
                        .formatted(name, unique("grp-"), ann));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        var id = created.body().get("id").asString();
        assertThat(idsOf(scim("GET", "/Groups" + filter("displayName eq \"" + name + "\""))))
                .containsExactly(id);

        // Entra adds and removes members one by one.
        var patched = scim(
                "PATCH",
                "/Groups/" + id,
                """
                {"schemas":["%s"],"Operations":[
                  {"op":"Add","path":"members","value":[{"value":"%s"}]},
                  {"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                        .formatted(PATCH_OP, ben, ann));
        assertThat(patched.status()).as("%s", patched.raw().body()).isEqualTo(200);
        assertThat(names(patched.body().get("members"), "value")).containsExactly(ben);
        // Entra checks a membership with a combined filter.
        var membership = "/Groups" + filter("id eq \"" + id + "\" and members[value eq \"" + ben + "\"]")
                + "&excludedAttributes=members";
        assertThat(idsOf(scim("GET", membership))).containsExactly(id);
        assertThat(idsOf(scim("GET", membership.replace(ben, ann)))).isEmpty();
        var withoutMembers =
                scim("GET", "/Groups/" + id + "?excludedAttributes=members").body();
        assertThat(withoutMembers.get("members")).isNull();
        assertThat(withoutMembers.get("displayName").asString()).isEqualTo(name);

        // Okta renames with a path-less replace.
        var renamed = scim(
                "PATCH",
                "/Groups/" + id,
                """
                {"schemas":["%s"],"Operations":[{"op":"replace","value":{"id":"%s","displayName":"%s"}}]}"""
                        .formatted(PATCH_OP, id, name + " (renamed)"));
        assertThat(renamed.body().get("displayName").asString()).isEqualTo(name + " (renamed)");
        assertThat(names(renamed.body().get("members"), "value")).containsExactly(ben);

        // A deleted user leaves their groups.
        assertThat(scim("DELETE", "/Users/" + ben).status()).isEqualTo(204);
        assertThat(scim("GET", "/Groups/" + id).body().get("members")).isEmpty();

        assertThat(scim("DELETE", "/Groups/" + id).status()).isEqualTo(204);
        assertScimError(scim("GET", "/Groups/" + id), 404, null);
    }

    @Test
    void tokenFromTheEnvironmentServesTheDirectorysNetwork() {
        var authenticate = new AuthenticateScimToken(
                tokens, directoryNetwork, new ScimSettings("from-the-environment"), java.time.Clock.systemUTC());
        assertThat(authenticate.handle("from-the-environment").map(ScimCaller::networkId))
                .isEqualTo(directoryNetwork.current());
        assertThat(authenticate.handle("something-else")).isEmpty();
        assertThat(authenticate.handle(scimToken)).contains(new ScimCaller(p.networkId, "Identity provider"));
    }

    private JsonNode create(String userName, String externalId) {
        var response = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s"%s}"""
                        .formatted(CORE, userName, externalId == null ? "" : ",\"externalId\":\"" + externalId + "\""));
        assertThat(response.status()).as("%s", response.raw().body()).isEqualTo(201);
        return response.body();
    }

    private static java.util.List<String> idsOf(Api.Response list) {
        return names(resources(list), "id");
    }

    private static java.util.List<String> names(JsonNode array, String field) {
        var out = new ArrayList<String>();
        if (array == null) return out;
        for (var item : array) out.add(item.get(field).asString());
        return out;
    }
}
