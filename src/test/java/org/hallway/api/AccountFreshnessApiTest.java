package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.Map;
import org.hallway.directory.DefineProfileField;
import org.hallway.directory.ProfileFieldDefinition;
import org.hallway.directory.RemoveProfileField;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An account's manager and profile fields are kept in memory between reads (ADR 0041), and every change
 * still shows on the very next read: a renamed manager or named colleague, a removed field, a follow
 * or an unfollow (the counts are kept too), a post. bob reports to alice; his mentor is tom.
 */
class AccountFreshnessApiTest extends ApiTest {
    @Autowired
    DefineProfileField defineField;

    @Autowired
    RemoveProfileField removeField;

    ProfileFieldDefinition mentor;

    @BeforeAll
    void giveBobAMentor() {
        mentor = defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Mentor", "person", "", false));
        var updated = bob.patch(
                "/api/v1/accounts/update_credentials",
                Map.of("profile_fields", Map.of(Long.toString(mentor.id()), "@tom")));
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
    }

    @Test
    void aRenamedManagerOrMentorShowsOnTheNextRead() {
        assertThat(bobAsEveSeesHim().get("manager").get("display_name").asString())
                .isEqualTo("Alice Adams");
        assertThat(fields(bobAsEveSeesHim()).get("Mentor")).contains("Tom Taylor");

        rename(alice, "Alice Archer");
        rename(tom, "Tom Tanner");
        var bob = bobAsEveSeesHim();
        assertThat(bob.get("manager").get("display_name").asString()).isEqualTo("Alice Archer");
        assertThat(fields(bob).get("Manager")).contains("Alice Archer");
        assertThat(fields(bob).get("Mentor")).contains("Tom Tanner");
        assertThat(search("bob").get("manager").get("display_name").asString()).isEqualTo("Alice Archer");
    }

    @Test
    void aRemovedFieldAFollowAndAPostShowOnTheNextRead() {
        var before = bobAsEveSeesHim();
        int followers = before.get("followers_count").asInt();
        int statuses = before.get("statuses_count").asInt();

        follow(eve, p.bob);
        post(bob, "Counted at once");
        var after = bobAsEveSeesHim();
        assertThat(after.get("followers_count").asInt()).isEqualTo(followers + 1);
        assertThat(after.get("statuses_count").asInt()).isEqualTo(statuses + 1);

        var extra = defineField.handle(p.admin.viewer(), new DefineProfileField.Command("Desk", "text", "", false));
        assertThat(bob.patch(
                                "/api/v1/accounts/update_credentials",
                                Map.of("profile_fields", Map.of(Long.toString(extra.id()), "3.14")))
                        .status())
                .isEqualTo(200);
        assertThat(fields(bobAsEveSeesHim())).containsEntry("Desk", "3.14");
        removeField.handle(p.admin.viewer(), extra.id());
        assertThat(fields(bobAsEveSeesHim())).doesNotContainKey("Desk");
        assertThat(fields(search("bob"))).doesNotContainKey("Desk");
    }

    @Test
    void aFollowAndAnUnfollowCountForBothColleaguesOnTheNextRead() {
        int followers = counts(bob, p.tom).get("followers_count").asInt();
        int following = counts(bob, p.eve).get("following_count").asInt();

        follow(eve, p.tom);
        assertThat(counts(bob, p.tom).get("followers_count").asInt()).isEqualTo(followers + 1);
        assertThat(counts(bob, p.eve).get("following_count").asInt()).isEqualTo(following + 1);

        assertThat(eve.post("/api/v1/accounts/" + p.tom.idString() + "/unfollow")
                        .status())
                .isEqualTo(200);
        assertThat(counts(bob, p.tom).get("followers_count").asInt()).isEqualTo(followers);
        assertThat(counts(bob, p.eve).get("following_count").asInt()).isEqualTo(following);
        assertThat(eve.get("/api/v1/accounts/verify_credentials")
                        .body()
                        .get("following_count")
                        .asInt())
                .isEqualTo(following);
    }

    @Test
    void aDeletedPostARepostAndItsUndoCountOnTheNextRead() {
        int statuses = counts(eve, p.tom).get("statuses_count").asInt();
        var mine = post(tom, "Counted, then gone");
        assertThat(counts(eve, p.tom).get("statuses_count").asInt()).isEqualTo(statuses + 1);
        assertThat(tom.delete("/api/v1/statuses/" + mine).status()).isEqualTo(200);
        assertThat(counts(eve, p.tom).get("statuses_count").asInt()).isEqualTo(statuses);

        var alices = post(alice, "Worth passing on");
        assertThat(tom.post("/api/v1/statuses/" + alices + "/reblog").status()).isEqualTo(200);
        assertThat(counts(eve, p.tom).get("statuses_count").asInt()).isEqualTo(statuses + 1);
        assertThat(tom.post("/api/v1/statuses/" + alices + "/unreblog").status())
                .isEqualTo(200);
        assertThat(counts(eve, p.tom).get("statuses_count").asInt()).isEqualTo(statuses);
    }

    private static JsonNode counts(org.hallway.testing.Api reader, org.hallway.testing.Personas.Persona who) {
        var found = reader.get("/api/v1/accounts/" + who.idString());
        assertThat(found.status()).isEqualTo(200);
        return found.body();
    }

    private JsonNode bobAsEveSeesHim() {
        var found = eve.get("/api/v1/accounts/" + p.bob.idString());
        assertThat(found.status()).isEqualTo(200);
        return found.body();
    }

    /** bob as found by people search (indexed after commit: waits until he is found). */
    private JsonNode search(String q) {
        return await().atMost(FAN_OUT)
                .until(
                        () -> find(eve.get("/api/v1/accounts/search?q=" + q + "&resolve=false&limit=5")
                                .body()),
                        java.util.Objects::nonNull);
    }

    private JsonNode find(JsonNode accounts) {
        for (var a : accounts) if (a.get("id").asString().equals(p.bob.idString())) return a;
        return null;
    }

    private static void rename(org.hallway.testing.Api who, String name) {
        assertThat(who.patch("/api/v1/accounts/update_credentials", Map.of("display_name", name))
                        .status())
                .isEqualTo(200);
    }

    private static Map<String, String> fields(JsonNode account) {
        var result = new HashMap<String, String>();
        for (var f : account.get("fields"))
            result.put(f.get("name").asString(), f.get("value").asString());
        return result;
    }
}
