package org.hallway.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.audience.AudienceMatrixApiTest.addMember;
import static org.hallway.audience.AudienceMatrixApiTest.group;

import java.util.HashMap;
import java.util.Map;
import org.hallway.directory.DefineProfileField;
import org.hallway.testing.ApiTest;
import org.hallway.testing.StreamClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A guest learns the names of the people of their groups only: wherever a member's account is shown
 * to a guest, its manager and its person fields name nobody beyond those groups, while colleagues see
 * them all. gus is a guest in bob's vendor room with tom; bob reports to alice and his mentor is eve,
 * both outside it; his buddy is tom, inside it.
 */
class GuestNamesApiTest extends ApiTest {
    @Autowired
    DefineProfileField defineField;

    String vendors;

    @BeforeAll
    void inviteTheGuest() {
        vendors = group(bob, "Vendor room", "private");
        addMember(bob, vendors, p.gus.idString());
        addMember(bob, vendors, p.tom.idString());
        var mentor =
                defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Mentor", "person", "", false));
        var buddy = defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Buddy", "person", "", false));
        var updated = bob.patch(
                "/api/v1/accounts/update_credentials",
                Map.of(
                        "profile_fields",
                        Map.of(Long.toString(mentor.id()), "@eve", Long.toString(buddy.id()), "@tom")));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
    }

    @Test
    void aMembersAccountNamesForAGuestOnlyThePeopleOfTheirGroups() {
        var path = "/api/v1/accounts/" + p.bob.idString();
        namesEveryone(alice.get(path).body());
        namesOnlyTheGroup(gus.get(path).body());
        namesOnlyTheGroup(gus.get("/api/v1/accounts/lookup?acct=bob").body());
        // The colleague variant was not kept from the guest's read, nor the guest's from the colleague's.
        namesEveryone(alice.get(path).body());
        namesEveryone(bob.get("/api/v1/accounts/verify_credentials").body());
        var members = new java.util.ArrayList<JsonNode>();
        for (var member : gus.get("/api/v1/groups/" + vendors + "/members").body()) members.add(member.get("account"));
        namesOnlyTheGroup(find(members));
    }

    @Test
    void aStatusesAuthorNamesForAGuestOnlyThePeopleOfTheirGroups() {
        var id = post(bob, Map.of("status", "Vendor review at three", "group_id", vendors));
        // tom reads first: the author's card shared across colleagues is then the one with the manager.
        namesEveryone(tom.get("/api/v1/statuses/" + id).body().get("account"));
        namesOnlyTheGroup(gus.get("/api/v1/statuses/" + id).body().get("account"));
        awaitInHome(gus, id);
        for (var path : java.util.List.of("/api/v1/timelines/home?limit=40", "/api/v1/timelines/group/" + vendors))
            for (var status : gus.get(path).body())
                if (status.get("id").asString().equals(id)) namesOnlyTheGroup(status.get("account"));
        namesEveryone(tom.get("/api/v1/statuses/" + id).body().get("account"));
    }

    @Test
    void peopleSearchNamesForAGuestOnlyThePeopleOfTheirGroups() {
        await().atMost(FAN_OUT)
                .until(() -> find(gus.get("/api/v1/accounts/search?q=bob&resolve=false&limit=5")
                                .body())
                        != null);
        namesOnlyTheGroup(find(
                gus.get("/api/v1/accounts/search?q=bob&resolve=false&limit=5").body()));
        await().atMost(FAN_OUT)
                .until(() -> find(gus.get("/api/v2/search?q=bob&type=accounts")
                                .body()
                                .get("accounts"))
                        != null);
        namesOnlyTheGroup(
                find(gus.get("/api/v2/search?q=bob&type=accounts").body().get("accounts")));
        namesEveryone(find(
                alice.get("/api/v1/accounts/search?q=bob&resolve=false&limit=5").body()));
    }

    @Test
    void aGuestsStreamNamesOnlyThePeopleOfTheirGroups() {
        try (var guest = StreamClient.connect(
                        baseUrl(), "stream=user", p.gus.token(), StreamClient.TokenStyle.AUTHORIZATION_HEADER);
                var colleague = StreamClient.connect(
                        baseUrl(), "stream=user", p.tom.token(), StreamClient.TokenStyle.AUTHORIZATION_HEADER)) {
            guest.sync();
            colleague.sync();
            var id = post(bob, Map.of("status", "Streamed to the vendor room", "group_id", vendors));
            namesOnlyTheGroup(StreamClient.status(guest.awaitEvent("update", StreamClient.statusId(id)))
                    .get("account"));
            namesEveryone(StreamClient.status(colleague.awaitEvent("update", StreamClient.statusId(id)))
                    .get("account"));
        }
    }

    /** bob's account as a colleague sees it: his manager alice, his mentor eve and his buddy tom. */
    private void namesEveryone(JsonNode bobsAccount) {
        assertThat(bobsAccount.get("id").asString()).isEqualTo(p.bob.idString());
        assertThat(bobsAccount.get("manager").get("id").asString()).isEqualTo(p.alice.idString());
        var fields = fields(bobsAccount);
        assertThat(fields.get("Manager")).contains("/@alice\"").contains("Alice Adams");
        assertThat(fields.get("Mentor")).contains("/@eve\"").contains("Eve Evans");
        assertThat(fields.get("Buddy")).contains("/@tom\"").contains("Tom Taylor");
    }

    /** bob's account as gus sees it: tom, in the group, by name; alice and eve, outside it, not at all. */
    private void namesOnlyTheGroup(JsonNode bobsAccount) {
        assertThat(bobsAccount.get("id").asString()).isEqualTo(p.bob.idString());
        var manager = bobsAccount.path("manager");
        assertThat(manager.isNull() || manager.isMissingNode())
                .as("%s", bobsAccount)
                .isTrue();
        var fields = fields(bobsAccount);
        assertThat(fields).doesNotContainKeys("Manager", "Mentor");
        assertThat(fields.get("Buddy")).contains("/@tom\"").contains("Tom Taylor");
        assertThat(bobsAccount.toString())
                .contains("Engineer")
                .doesNotContain("/@alice", "Alice Adams", p.alice.idString(), "/@eve", "Eve Evans", p.eve.idString());
    }

    private static Map<String, String> fields(JsonNode account) {
        var result = new HashMap<String, String>();
        for (var f : account.get("fields"))
            result.put(f.get("name").asString(), f.get("value").asString());
        return result;
    }

    private JsonNode find(Iterable<JsonNode> accounts) {
        for (var a : accounts) if (a.get("id").asString().equals(p.bob.idString())) return a;
        return null;
    }
}
