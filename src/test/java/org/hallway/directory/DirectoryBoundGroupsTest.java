package org.hallway.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.CorpDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A group bound to a directory group (from SCIM or from the LDAP sync) takes its members from the
 * directory: whoever the directory adds becomes a member, whoever it removes loses access at once,
 * secret posts included; the group's administrators stay.
 */
class DirectoryBoundGroupsTest extends ScimTest {
    @Autowired
    DirectoryNetwork directoryNetwork;

    @Autowired
    SyncDirectory sync;

    @Autowired
    DirectoryGroupStore directoryGroups;

    @Test
    void scimGroupChangesDecideWhoReadsASecretGroup() {
        var annName = unique("ann") + "@corp.example";
        var benName = unique("ben") + "@corp.example";
        var ann = scimUser(annName);
        var ben = scimUser(benName);
        var annApi = new Api(baseUrl(), passwordToken(annName, "ann-and-ben-1"));
        var benApi = new Api(baseUrl(), passwordToken(benName, "ann-and-ben-1"));
        var board = scim(
                        "POST",
                        "/Groups",
                        """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
                 "members":[{"value":"%s"}]}"""
                                .formatted(unique("Board "), ann))
                .body()
                .get("id")
                .asString();

        // Administrators find the directory's groups over the API; nobody else does.
        var listed = admin.get("/api/v1/admin/directory_groups");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed.body())).contains(board);
        assertThat(alice.get("/api/v1/admin/directory_groups").status()).isEqualTo(403);

        var room = admin.post("/api/v1/groups", Map.of("name", "Board room", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        var secret = post(admin, Map.of("status", "The merger is on", "group_id", room));

        // Only network administrators bind; a directory group must exist in the network.
        var aliceGroup = alice.post("/api/v1/groups", Map.of("name", "Alice's", "privacy", "public"))
                .body()
                .get("id")
                .asString();
        assertThat(alice.put("/api/v1/groups/" + aliceGroup, Map.of("directory_group_id", board))
                        .status())
                .isEqualTo(403);
        var unknown = admin.put("/api/v1/groups/" + room, Map.of("name", "Renamed", "directory_group_id", "12345"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error()).isEqualTo("No such directory group");
        assertThat(admin.get("/api/v1/groups/" + room).body().get("name").asString())
                .isEqualTo("Board room");

        var bound = admin.put("/api/v1/groups/" + room, Map.of("directory_group_id", board));
        assertThat(bound.status()).as("%s", bound.body()).isEqualTo(200);
        assertThat(bound.body().get("directory_group_id").asString()).isEqualTo(board);
        assertThat(members(room)).containsExactlyInAnyOrder(p.admin.idString() + ":admin", ann + ":member");
        assertThat(ids(annApi.get("/api/v1/timelines/group/" + room).body())).containsExactly(secret);
        assertThat(benApi.get("/api/v1/groups/" + room).status()).isEqualTo(404);
        assertThat(benApi.get("/api/v1/statuses/" + secret).status()).isEqualTo(404);

        // Entra adds ben and removes ann: the answer to the PATCH comes after the group followed.
        var patched = scim(
                "PATCH",
                "/Groups/" + board,
                """
                {"schemas":["%s"],"Operations":[
                  {"op":"Add","path":"members","value":[{"value":"%s"}]},
                  {"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                        .formatted(PATCH_OP, ben, ann));
        assertThat(patched.status()).as("%s", patched.raw().body()).isEqualTo(200);
        assertThat(annApi.get("/api/v1/groups/" + room).status()).isEqualTo(404);
        assertThat(annApi.get("/api/v1/statuses/" + secret).status()).isEqualTo(404);
        assertThat(benApi.get("/api/v1/statuses/" + secret).status()).isEqualTo(200);
        assertThat(members(room)).containsExactlyInAnyOrder(p.admin.idString() + ":admin", ben + ":member");

        // A colleague deleted over SCIM leaves the group too.
        assertThat(scim("DELETE", "/Users/" + ben).status()).isEqualTo(204);
        assertThat(members(room)).containsExactly(p.admin.idString() + ":admin");

        // Unbinding keeps the members; a deleted directory group unbinds the group.
        scim(
                "PATCH",
                "/Groups/" + board,
                """
                {"schemas":["%s"],"Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}"""
                        .formatted(PATCH_OP, ann));
        assertThat(members(room)).hasSize(2);
        var unbound = admin.put("/api/v1/groups/" + room, Map.of("directory_group_id", ""));
        assertThat(unbound.body().get("directory_group_id").isNull()).isTrue();
        assertThat(members(room)).hasSize(2);
        admin.put("/api/v1/groups/" + room, Map.of("directory_group_id", board));
        assertThat(scim("DELETE", "/Groups/" + board).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/groups/" + room)
                        .body()
                        .get("directory_group_id")
                        .isNull())
                .isTrue();
        assertThat(members(room)).hasSize(2);
    }

    @Test
    void membersOfABoundGroupAreTheDirectorysAndWhoeverItDropsIsTold() {
        var kimName = unique("kim") + "@corp.example";
        var kim = scimUser(kimName);
        var kimApi = new Api(baseUrl(), passwordToken(kimName, "ann-and-ben-1"));
        var teamName = unique("Payments team ");
        var team = scim(
                        "POST",
                        "/Groups",
                        """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s",
                 "members":[{"value":"%s"}]}"""
                                .formatted(teamName, kim))
                .body()
                .get("id")
                .asString();
        var open = admin.post("/api/v1/groups", Map.of("name", "Payments", "privacy", "public"))
                .body()
                .get("id")
                .asString();
        var hidden = admin.post("/api/v1/groups", Map.of("name", "Payments incidents", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        for (var group : List.of(open, hidden))
            assertThat(admin.put("/api/v1/groups/" + group, Map.of("directory_group_id", team))
                            .status())
                    .isEqualTo(200);
        assertThat(members(open)).containsExactlyInAnyOrder(p.admin.idString() + ":admin", kim + ":member");

        // Adding by hand would be undone by the directory's next change: it is refused, naming where to go.
        var added = admin.post("/api/v1/groups/" + open + "/members", Map.of("account_ids", List.of(p.tom.idString())));
        assertThat(added.status()).isEqualTo(422);
        assertThat(added.error())
                .isEqualTo("Members of this group come from the directory group " + teamName + ": change it there");
        var joined = alice.post("/api/v1/groups/" + open + "/join");
        assertThat(joined.status()).isEqualTo(422);
        assertThat(joined.error()).contains(teamName);
        assertThat(kimApi.post("/api/v1/groups/" + open + "/leave").status()).isEqualTo(422);
        assertThat(admin.delete("/api/v1/groups/" + open + "/members?account_ids[]=" + kim)
                        .status())
                .isEqualTo(422);
        assertThat(members(open)).containsExactlyInAnyOrder(p.admin.idString() + ":admin", kim + ":member");
        // Administrators run the group whatever the directory says: making one still works.
        var promoted = admin.post(
                "/api/v1/groups/" + open + "/members",
                Map.of("account_ids", List.of(p.bob.idString()), "role", "admin"));
        assertThat(promoted.status()).as("%s", promoted.body()).isEqualTo(200);

        // The directory drops kim: kim loses both groups and is told, the secret one included.
        var patched = scim(
                "PATCH",
                "/Groups/" + team,
                """
                {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                        .formatted(PATCH_OP, kim));
        assertThat(patched.status()).as("%s", patched.raw().body()).isEqualTo(200);
        assertThat(kimApi.get("/api/v1/groups/" + hidden).status()).isEqualTo(404);
        var told = new ArrayList<String>();
        await().atMost(FAN_OUT)
                .until(() -> {
                    told.clear();
                    for (JsonNode n : kimApi.get("/api/v1/notifications?types[]=group_removed")
                            .body()) told.add(n.get("group").get("id").asString());
                    return told.size() == 2;
                });
        assertThat(told).containsExactlyInAnyOrder(open, hidden);
        // Mastodon apps that don't ask for Hallway's own types never see it; nobody else is told.
        assertThat(kimApi.get("/api/v1/notifications").body().size()).isZero();
        assertThat(admin.get("/api/v1/notifications?types[]=group_removed")
                        .body()
                        .size())
                .isZero();

        // Listed again, then dropped again: told again, once per group.
        scim(
                "PATCH",
                "/Groups/" + team,
                """
                {"schemas":["%s"],"Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}"""
                        .formatted(PATCH_OP, kim));
        var firstIds = kimApi.get("/api/v1/notifications?types[]=group_removed")
                .body()
                .get(0)
                .get("id")
                .asString();
        scim(
                "PATCH",
                "/Groups/" + team,
                """
                {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members[value eq \\"%s\\"]"}]}"""
                        .formatted(PATCH_OP, kim));
        await().atMost(FAN_OUT).until(() -> {
            var list = kimApi.get("/api/v1/notifications?types[]=group_removed").body();
            return list.size() == 2 && Long.parseLong(list.get(0).get("id").asString()) > Long.parseLong(firstIds);
        });
    }

    @Test
    void ldapSyncKeepsABoundGroupsMembersInStep() {
        directoryNetwork.bind(p.networkId);
        var corp = new CorpDirectory();
        corp.person("pboss", "Pia Boss", "Head of Platform", "Platform", "Berlin", null);
        // Enough people that one leaving stays well under the sync's mass-disappearance guard.
        for (int i = 1; i <= 12; i++)
            corp.person("plat" + i, "Plat Form" + i, "Engineer", "Platform", "Berlin", "pboss");
        corp.group("platform", "plat1", "plat2");
        sync.handle(p.admin.viewer());
        var platform = directoryGroups.list(p.networkId).stream()
                .filter(g -> g.name().equals("platform") && g.source().equals("ldap"))
                .findFirst()
                .orElseThrow();
        assertThat(platform.membersCount()).isEqualTo(2);

        var group = admin.post("/api/v1/groups", Map.of("name", "Platform", "privacy", "private"))
                .body()
                .get("id")
                .asString();
        // The group's own administrator, not in the directory group, stays.
        admin.post(
                "/api/v1/groups/" + group + "/members",
                Map.of("account_ids", List.of(p.alice.idString()), "role", "admin"));
        var bound = admin.put("/api/v1/groups/" + group, Map.of("directory_group_id", Long.toString(platform.id())));
        assertThat(bound.status()).as("%s", bound.body()).isEqualTo(200);
        assertThat(usernames(group)).containsExactlyInAnyOrder("admin", "alice", "plat1", "plat2");

        corp.members("platform", "plat1", "plat3", "pboss");
        sync.handle(p.admin.viewer());
        assertThat(usernames(group)).containsExactlyInAnyOrder("admin", "alice", "plat1", "plat3", "pboss");

        // Leaving the company leaves the group.
        corp.remove("plat1");
        corp.members("platform", "plat3", "pboss");
        sync.handle(p.admin.viewer());
        assertThat(usernames(group)).containsExactlyInAnyOrder("admin", "alice", "plat3", "pboss");
    }

    private String scimUser(String userName) {
        var created = scim(
                "POST",
                "/Users",
                """
                {"schemas":["%s"],"userName":"%s","password":"ann-and-ben-1","active":true,
                 "emails":[{"primary":true,"value":"%s"}]}"""
                        .formatted(CORE, userName, userName));
        assertThat(created.status()).as("%s", created.raw().body()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private List<String> members(String group) {
        var out = new ArrayList<String>();
        for (JsonNode m : admin.get("/api/v1/groups/" + group + "/members").body()) {
            out.add(m.get("account").get("id").asString() + ":" + m.get("role").asString());
        }
        return out;
    }

    private List<String> usernames(String group) {
        var out = new ArrayList<String>();
        for (JsonNode m : admin.get("/api/v1/groups/" + group + "/members").body()) {
            var username = m.get("account").get("username").asString();
            out.add(username.startsWith("admin") ? "admin" : username.replaceAll("-[0-9a-f]{8}$", ""));
        }
        return out;
    }
}
