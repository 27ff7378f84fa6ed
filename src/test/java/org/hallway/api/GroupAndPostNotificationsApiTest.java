package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.notify.ChangeNotificationSettings;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Notifications about groups (invitation, request to join, approval), new posts of people one asked to
 * hear from, and edits of posts one reposted or liked; Hallway's own types only for apps that ask for them.
 */
class GroupAndPostNotificationsApiTest extends ApiTest {
    private static final String GROUP_TYPES =
            "types[]=group_invite&types[]=group_join_request&types[]=group_join_approved";

    @Autowired
    ChangeNotificationSettings changeSettings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void invitationNotifiesTheInviteeWithTheGroupOnlyForAppsThatAskForIt() {
        var owner = colleague("giowner");
        var invitee = colleague("giinvitee");
        var group = group(owner.api, "Budget 2027", "secret");
        addMember(owner.api, group, invitee.persona);

        var n = awaitType(invitee.api, "group_invite");
        assertThat(n.get("account").get("id").asString()).isEqualTo(owner.persona.idString());
        assertThat(n.get("group").get("id").asString()).isEqualTo(group);
        assertThat(n.get("group").get("name").asString()).isEqualTo("Budget 2027");
        assertThat(n.has("status")).isFalse();

        // A Mastodon app that does not know the type never receives it, in the list or the count.
        awaitQuietEvents();
        assertThat(types(invitee.api.get("/api/v1/notifications").body())).doesNotContain("group_invite");
        assertThat(invitee.api
                        .get("/api/v1/notifications/unread_count")
                        .body()
                        .get("count")
                        .asInt())
                .isZero();
        assertThat(invitee.api
                        .get("/api/v1/notifications/unread_count?types[]=group_invite")
                        .body()
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        // The other types of a Mastodon request are unaffected.
        assertThat(MastodonSchema.problems("Account", n.get("account"))).isEmpty();
    }

    @Test
    void requestToJoinNotifiesTheAdministratorsAndApprovalTheRequester() {
        var owner = colleague("jrowner");
        var member = colleague("jrmember");
        var asker = colleague("jrasker");
        var group = group(owner.api, "Architecture board", "private");
        addMember(owner.api, group, member.persona);

        assertThat(asker.api.post("/api/v1/groups/" + group + "/join").status()).isEqualTo(200);
        var request = awaitType(owner.api, "group_join_request");
        assertThat(request.get("account").get("id").asString()).isEqualTo(asker.persona.idString());
        assertThat(request.get("group").get("id").asString()).isEqualTo(group);

        assertThat(owner.api
                        .post("/api/v1/groups/" + group + "/membership_requests/" + asker.persona.idString()
                                + "/authorize")
                        .status())
                .isEqualTo(200);
        var approved = awaitType(asker.api, "group_join_approved");
        assertThat(approved.get("account").get("id").asString()).isEqualTo(owner.persona.idString());
        assertThat(approved.get("group").get("name").asString()).isEqualTo("Architecture board");

        awaitQuietEvents();
        // A plain member is not asked; the approved colleague got no invitation besides the approval.
        assertThat(types(member.api.get("/api/v1/notifications?" + GROUP_TYPES).body()))
                .containsExactly("group_invite");
        assertThat(types(asker.api.get("/api/v1/notifications?" + GROUP_TYPES).body()))
                .containsExactly("group_join_approved");
    }

    @Test
    void followingWithNotifyBringsEachNewPostAsAStatusNotification() {
        var author = colleague("stauthor");
        var fan = colleague("stfan");
        var follower = colleague("stfollower");
        var followed =
                fan.api.post("/api/v1/accounts/" + author.persona.idString() + "/follow", Map.of("notify", true));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.body().get("notifying").asBoolean()).isTrue();
        assertThat(fan.api
                        .get("/api/v1/accounts/relationships?id[]=" + author.persona.idString())
                        .body()
                        .get(0)
                        .get("notifying")
                        .asBoolean())
                .isTrue();
        follow(follower.api, author.persona);

        var id = post(author.api, "Quarterly numbers are in");
        var n = awaitType(fan.api, "status");
        assertThat(n.get("status").get("id").asString()).isEqualTo(id);
        assertThat(n.get("account").get("id").asString()).isEqualTo(author.persona.idString());
        assertThat(MastodonSchema.problems("Notification", n)).isEmpty();

        // Asking to stop: following again with notify=false.
        var stopped =
                fan.api.post("/api/v1/accounts/" + author.persona.idString() + "/follow", Map.of("notify", false));
        assertThat(stopped.body().get("notifying").asBoolean()).isFalse();
        var later = post(author.api, "More numbers");
        awaitQuietEvents();
        assertThat(statusIds(fan.api.get("/api/v1/notifications?types[]=status").body()))
                .containsExactly(id);
        assertThat(types(follower.api.get("/api/v1/notifications").body())).doesNotContain("status");
        assertThat(later).isNotNull();
    }

    @Test
    void editingAPostNotifiesThoseWhoRepostedOrLikedIt() {
        var author = colleague("edauthor");
        var liker = colleague("edliker");
        var reposter = colleague("edreposter");
        var bystander = colleague("edbystander");
        var id = post(author.api, "Launch is on Monday");
        assertThat(liker.api.post("/api/v1/statuses/" + id + "/favourite").status())
                .isEqualTo(200);
        assertThat(reposter.api.post("/api/v1/statuses/" + id + "/reblog").status())
                .isEqualTo(200);
        awaitQuietEvents();
        assertThat(author.api
                        .put("/api/v1/statuses/" + id, Map.of("status", "Launch is on Tuesday"))
                        .status())
                .isEqualTo(200);

        for (var who : List.of(liker, reposter)) {
            var n = awaitType(who.api, "update");
            assertThat(n.get("status").get("id").asString()).isEqualTo(id);
            assertThat(n.get("status").get("content").asString()).contains("Tuesday");
        }
        awaitQuietEvents();
        assertThat(types(bystander.api.get("/api/v1/notifications").body())).isEmpty();
    }

    @Test
    void preferencesCoverTheNewTypes() {
        var owner = colleague("prowner");
        var invitee = colleague("prinvitee");
        changeSettings.handle(
                invitee.persona.viewer(),
                new ChangeNotificationSettings.Command(
                        List.of("mention", "follow"), List.of(), null, null, null, null));
        var group = group(owner.api, "Quiet room", "public");
        addMember(owner.api, group, invitee.persona);
        awaitQuietEvents();
        assertThat(types(invitee.api.get("/api/v1/notifications?" + GROUP_TYPES).body()))
                .isEmpty();

        changeSettings.handle(
                invitee.persona.viewer(),
                new ChangeNotificationSettings.Command(
                        List.of("mention", "follow", "group_invite"), List.of(), null, null, null, null));
        assertThat(types(invitee.api.get("/api/v1/notifications?" + GROUP_TYPES).body()))
                .containsExactly("group_invite");
    }

    private record Who(Personas.Persona persona, Api api) {}

    private Who colleague(String username) {
        var persona = p.add(username, username, "", "", "", null);
        return new Who(persona, anonymous.as(persona.token()));
    }

    private static String group(Api owner, String name, String privacy) {
        var created = owner.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static void addMember(Api owner, String group, Personas.Persona who) {
        assertThat(owner.post("/api/v1/groups/" + group + "/members", Map.of("account_ids", List.of(who.idString())))
                        .status())
                .isEqualTo(200);
    }

    /** Waits for the reader's newest notification of the type (named in types[], so extensions are included). */
    private static JsonNode awaitType(Api api, String type) {
        var found = new JsonNode[1];
        await().atMost(FAN_OUT).until(() -> {
            var list = api.get("/api/v1/notifications?types[]=" + type).body();
            if (list.isEmpty()) return false;
            found[0] = list.get(0);
            return true;
        });
        assertThat(found[0].get("type").asString()).isEqualTo(type);
        return found[0];
    }

    private void awaitQuietEvents() {
        await().atMost(FAN_OUT)
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static List<String> types(JsonNode list) {
        var result = new ArrayList<String>();
        for (var n : list) result.add(n.get("type").asString());
        return result;
    }

    private static List<String> statusIds(JsonNode list) {
        var result = new ArrayList<String>();
        for (var n : list) result.add(n.get("status").get("id").asString());
        return result;
    }
}
