package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;

/** Groups over the API: creating, editing, archiving, joining, requests, invitations, administrators. */
class GroupsApiTest extends ApiTest {

    @Test
    void createsGroupWithCreatorAsAdministratorAndRejectsBadInput() {
        var created = alice.post(
                "/api/v1/groups", Map.of("name", "Design guild", "description", "Pixels", "privacy", "public"));
        assertThat(created.status()).isEqualTo(200);
        var group = created.body();
        assertThat(group.get("id").isString()).isTrue();
        assertThat(group.get("privacy").asString()).isEqualTo("public");
        assertThat(group.get("members_count").asInt()).isEqualTo(1);
        assertThat(group.get("relationship").get("role").asString()).isEqualTo("admin");
        assertThat(group.get("url").asString())
                .endsWith("/groups/" + group.get("id").asString());

        var noName = alice.post("/api/v1/groups", Map.of("name", " ", "privacy", "public"));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.error()).isEqualTo("Give the group a name");
        assertThat(alice.post("/api/v1/groups", Map.of("name", "X", "privacy", "everyone"))
                        .status())
                .isEqualTo(422);
        assertThat(alice.post("/api/v1/groups", Map.of("name", "x".repeat(81), "privacy", "public"))
                        .status())
                .isEqualTo(422);
        assertThat(gus.post("/api/v1/groups", Map.of("name", "Guests only", "privacy", "public"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyAdministratorsEditAndArchiveAndArchivedGroupsTakeNoPosts() {
        var id = group(alice, "Ops", "public");
        join(bob, id);
        assertThat(bob.put("/api/v1/groups/" + id, Map.of("name", "Bob's now")).status())
                .isEqualTo(403);
        var edited = alice.put("/api/v1/groups/" + id, Map.of("description", "Keeping the lights on"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("name").asString()).isEqualTo("Ops");
        assertThat(edited.body().get("description").asString()).isEqualTo("Keeping the lights on");
        assertThat(alice.put("/api/v1/groups/" + id, Map.of("name", "")).status())
                .isEqualTo(422);

        post(bob, Map.of("status", "Before the archive", "group_id", id));
        assertThat(bob.delete("/api/v1/groups/" + id).status()).isEqualTo(403);
        var archived = alice.delete("/api/v1/groups/" + id);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.body().get("archived").asBoolean()).isTrue();
        assertThat(bob.post("/api/v1/statuses", Map.of("status", "After", "group_id", id))
                        .status())
                .isEqualTo(422);
        assertThat(ids(bob.get("/api/v1/timelines/group/" + id).body())).hasSize(1);
        assertThat(ids(eve.get("/api/v1/groups").body())).doesNotContain(id);
    }

    @Test
    void privateGroupNeedsApprovalAndOnlyMembersPost() {
        var id = group(alice, "Leadership", "private");
        var asked = eve.post("/api/v1/groups/" + id + "/join");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body().get("relationship").get("requested").asBoolean())
                .isTrue();
        assertThat(asked.body().get("relationship").get("member").asBoolean()).isFalse();
        assertThat(eve.post("/api/v1/statuses", Map.of("status", "Let me in", "group_id", id))
                        .status())
                .isEqualTo(403);
        assertThat(eve.get("/api/v1/groups/" + id + "/membership_requests").status())
                .isEqualTo(403);
        var requests = alice.get("/api/v1/groups/" + id + "/membership_requests");
        assertThat(ids(requests.body())).containsExactly(p.eve.idString());
        assertThat(alice.post("/api/v1/groups/" + id + "/membership_requests/" + p.tom.idString() + "/authorize")
                        .status())
                .isEqualTo(404);
        assertThat(alice.post("/api/v1/groups/" + id + "/membership_requests/" + p.eve.idString() + "/authorize")
                        .status())
                .isEqualTo(200);
        assertThat(eve.get("/api/v1/groups/" + id)
                        .body()
                        .get("relationship")
                        .get("member")
                        .asBoolean())
                .isTrue();
        post(eve, Map.of("status", "Thanks for having me", "group_id", id));

        var members = alice.get("/api/v1/groups/" + id + "/members").body();
        assertThat(members).hasSize(2);
        assertThat(members.get(0).get("role").asString()).isEqualTo("admin");
        assertThat(members.get(0).get("account").get("id").asString()).isEqualTo(p.alice.idString());
    }

    @Test
    void secretGroupIsInvitationOnlyAndRemovalEndsAccess() {
        var id = group(alice, "M&A", "secret");
        assertThat(tom.post("/api/v1/groups/" + id + "/join").status()).isEqualTo(404);
        var invited = alice.post("/api/v1/groups/" + id + "/members", Map.of("account_ids", List.of(p.tom.idString())));
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.body().get(0).get("role").asString()).isEqualTo("member");
        var postId = post(alice, Map.of("status", "Target: Initech", "group_id", id));
        assertThat(tom.get("/api/v1/statuses/" + postId).status()).isEqualTo(200);
        assertThat(tom.post("/api/v1/statuses/" + postId + "/bookmark").status())
                .isEqualTo(200);

        assertThat(alice.delete("/api/v1/groups/" + id + "/members?account_ids[]=" + p.tom.idString())
                        .status())
                .isEqualTo(200);
        assertThat(tom.get("/api/v1/statuses/" + postId).status()).isEqualTo(404);
        assertThat(tom.get("/api/v1/groups/" + id).status()).isEqualTo(404);
        assertThat(ids(tom.get("/api/v1/bookmarks").body())).doesNotContain(postId);

        var unknown = alice.post("/api/v1/groups/" + id + "/members", Map.of("account_ids", List.of("12345")));
        assertThat(unknown.status()).isEqualTo(422);
    }

    @Test
    void administratorsPinTheGroupsOwnPostsForItsReadersOnly() {
        var id = group(alice, "Handbook", "private");
        assertThat(bob.post("/api/v1/groups/" + id + "/join").status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/groups/" + id + "/membership_requests/" + p.bob.idString() + "/authorize")
                        .status())
                .isEqualTo(200);
        var rules = post(bob, Map.of("status", "House rules: be kind", "group_id", id));
        var outside = post(alice, "Not a group post");
        assertThat(bob.post("/api/v1/groups/" + id + "/pins", Map.of("status_id", rules))
                        .status())
                .isEqualTo(403);
        var pinned = alice.post("/api/v1/groups/" + id + "/pins", Map.of("status_id", rules));
        assertThat(pinned.status()).isEqualTo(200);
        assertThat(ids(pinned.body())).containsExactly(rules);
        assertThat(alice.post("/api/v1/groups/" + id + "/pins", Map.of("status_id", outside))
                        .status())
                .isEqualTo(404);
        assertThat(ids(bob.get("/api/v1/groups/" + id + "/pins").body())).containsExactly(rules);
        assertThat(ids(eve.get("/api/v1/groups/" + id + "/pins").body())).isEmpty();
        assertThat(ids(alice.delete("/api/v1/groups/" + id + "/pins/" + rules).body()))
                .isEmpty();
    }

    @Test
    void lastAdministratorCannotLeaveAGroupWithMembers() {
        var id = group(alice, "Book club", "public");
        join(bob, id);
        assertThat(alice.post("/api/v1/groups/" + id + "/leave").status()).isEqualTo(422);
        assertThat(alice.post(
                                "/api/v1/groups/" + id + "/members",
                                Map.of("account_ids", List.of(p.bob.idString()), "role", "admin"))
                        .status())
                .isEqualTo(200);
        var left = alice.post("/api/v1/groups/" + id + "/leave");
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.body().get("relationship").get("member").asBoolean()).isFalse();
        assertThat(ids(alice.get("/api/v1/groups?mine=true").body())).doesNotContain(id);
    }

    @Test
    void guestSeesOnlyTheGroupsTheyAreInvitedInto() {
        var partners = group(alice, "Partner project", "private");
        var internal = group(alice, "Internal", "public");
        assertThat(alice.post(
                                "/api/v1/groups/" + partners + "/members",
                                Map.of("account_ids", List.of(p.gus.idString())))
                        .status())
                .isEqualTo(200);
        assertThat(ids(gus.get("/api/v1/groups").body())).containsExactly(partners);
        assertThat(gus.get("/api/v1/groups/" + internal).status()).isEqualTo(404);
        assertThat(gus.post("/api/v1/groups/" + internal + "/join").status()).isEqualTo(404);
        var fromGus = post(gus, Map.of("status", "Hello from Partner Ltd", "group_id", partners));
        assertThat(alice.get("/api/v1/statuses/" + fromGus).status()).isEqualTo(200);
        assertThat(eve.get("/api/v1/statuses/" + fromGus).status()).isEqualTo(404);
        var outside = gus.post("/api/v1/statuses", Map.of("status", "Hello everyone"));
        assertThat(outside.status()).isEqualTo(422);
        var company = post(alice, "Company-wide news");
        assertThat(gus.get("/api/v1/statuses/" + company).status()).isEqualTo(404);
        assertThat(ids(gus.get("/api/v1/timelines/public").body())).isEmpty();

        // People: only the members of the guest's groups.
        assertThat(gus.get("/api/v1/accounts/" + p.alice.idString()).status()).isEqualTo(200);
        assertThat(gus.get("/api/v1/accounts/" + p.eve.idString()).status()).isEqualTo(404);
        assertThat(gus.get("/api/v1/accounts/" + p.eve.idString() + "/statuses").status())
                .isEqualTo(404);
        assertThat(gus.get("/api/v1/accounts/lookup?acct=eve").status()).isEqualTo(404);
        assertThat(ids(gus.get("/api/v1/accounts/search?q=e").body())).doesNotContain(p.eve.idString());
        // Apps show a guest's role beside the name; a colleague has none.
        var gusSeen = eve.get("/api/v1/accounts/" + p.gus.idString());
        assertThat(gusSeen.status()).isEqualTo(200);
        assertThat(gusSeen.body().get("guest").asBoolean()).isTrue();
        assertThat(gusSeen.body().get("roles").get(0).get("name").asString()).isEqualTo("Guest");
        var aliceSeen = gus.get("/api/v1/accounts/" + p.alice.idString()).body();
        assertThat(aliceSeen.get("guest").asBoolean()).isFalse();
        assertThat(aliceSeen.get("roles")).isEmpty();
        assertThat(MastodonSchema.problems("Account", gusSeen.body())).isEmpty();
    }

    @Test
    void administratorAddsGuestsThroughTheAdminApi() {
        var created = admin.post(
                "/api/v1/admin/accounts",
                Map.of(
                        "username", "petra",
                        "email", "petra-" + System.nanoTime() + "@partner.example",
                        "password", "partner-secret-1",
                        "display_name", "Petra Partner",
                        "role", "guest"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(admin.post(
                                "/api/v1/admin/accounts",
                                Map.of(
                                        "username", "odd",
                                        "email", "odd@partner.example",
                                        "password", "partner-secret-1",
                                        "display_name", "Odd",
                                        "role", "overlord"))
                        .status())
                .isEqualTo(422);
    }

    private static String group(Api api, String name, String privacy) {
        var created = api.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static void join(Api api, String id) {
        var joined = api.post("/api/v1/groups/" + id + "/join");
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.body().get("relationship").get("member").asBoolean()).isTrue();
    }
}
