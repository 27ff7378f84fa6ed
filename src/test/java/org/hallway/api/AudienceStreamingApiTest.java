package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.testing.StreamClient.status;
import static org.hallway.testing.StreamClient.statusId;

import java.util.List;
import java.util.Map;
import org.hallway.stream.Switchboard;
import org.hallway.testing.ApiTest;
import org.hallway.testing.StreamClient;
import org.hallway.testing.StreamClient.TokenStyle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The direct and group streams: conversations to their participants, group posts to the group's readers only. */
class AudienceStreamingApiTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Switchboard switchboard;

    @Autowired
    JdbcClient jdbc;

    @Test
    void directStreamDeliversTheConversationToEachParticipant() {
        try (var bobs = connect("stream=direct", p.bob.token());
                var toms = connect("stream=direct", p.tom.token());
                var eves = connect("stream=direct", p.eve.token())) {
            var dm = post(alice, Map.of("status", "@bob @tom offsite on Friday?", "visibility", "direct"));

            var toBob = bobs.awaitEvent("conversation", m -> lastStatusId(m).equals(dm));
            assertThat(toBob.get("stream").toString()).isEqualTo("[\"direct\"]");
            var bobsConversation = payload(toBob);
            assertThat(bobsConversation.get("unread").asBoolean()).isTrue();
            assertThat(usernames(bobsConversation)).containsExactlyInAnyOrder("alice", "tom");
            // The same conversation as the inbox shows it.
            var inbox = bob.get("/api/v1/conversations").body();
            assertThat(bobsConversation.get("id").asString())
                    .isEqualTo(inbox.get(0).get("id").asString());

            var tomsConversation =
                    payload(toms.awaitEvent("conversation", m -> lastStatusId(m).equals(dm)));
            assertThat(usernames(tomsConversation)).containsExactlyInAnyOrder("alice", "bob");

            // Eve hears of her own conversation, and, deliveries being in order, never of the one before it.
            awaitQuietEvents();
            var hers = post(tom, Map.of("status", "@eve a word in private", "visibility", "direct"));
            eves.awaitEvent("conversation", m -> lastStatusId(m).equals(hers));
            assertThat(eves.messages().toString()).doesNotContain(dm);
        }
    }

    @Test
    void publicGroupStreamDeliversPostsEditsAndDeletionsToAColleagueOutsideIt() {
        var group = group(alice, "Lunch club", "public");
        try (var eves = connect("", p.eve.token())) {
            eves.send("{\"type\":\"subscribe\",\"stream\":\"group\",\"group\":\"" + group + "\"}");
            eves.sync();
            var id = post(alice, Map.of("status", "Tacos today", "group_id", group));
            var update = eves.awaitEvent("update", statusId(id));
            assertThat(update.get("stream").toString()).isEqualTo("[\"group\",\"" + group + "\"]");
            assertThat(status(update).get("group_id").asString()).isEqualTo(group);

            assertThat(alice.put("/api/v1/statuses/" + id, Map.of("status", "Tacos tomorrow"))
                            .status())
                    .isEqualTo(200);
            var edited = eves.awaitEvent("status.update", statusId(id));
            assertThat(status(edited).get("content").asString()).contains("Tacos tomorrow");

            assertThat(alice.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
            eves.awaitEvent("delete", m -> m.get("payload").asString().equals(id));
            // Posts outside the group are not on its stream.
            var elsewhere = post(alice, "Not in the lunch club");
            awaitQuietEvents();
            var later = post(alice, Map.of("status", "Pizza next week", "group_id", group));
            eves.awaitEvent("update", statusId(later));
            assertThat(eves.messages().toString()).doesNotContain(elsewhere);
        }
    }

    @Test
    void nonMemberReceivesNothingFromASecretGroupAndIsRefusedLikeAnUnknownStream() {
        var secret = group(alice, "Reorg", "secret");
        var open = group(alice, "Announcements", "public");
        addMember(alice, secret, p.bob);
        try (var bobs = connect("stream=group&group=" + secret, p.bob.token());
                var eves = connect("", p.eve.token())) {
            eves.send("{\"type\":\"subscribe\",\"stream\":\"group\",\"group\":\"" + secret + "\"}");
            eves.send("{\"type\":\"subscribe\",\"stream\":\"group\",\"group\":\"1\"}");
            eves.send("{\"type\":\"subscribe\",\"stream\":\"group\",\"group\":\"" + open + "\"}");
            eves.send("{\"type\":\"subscribe\",\"stream\":\"user\"}");
            eves.send("{\"type\":\"subscribe\",\"stream\":\"public\"}");
            // Two refusals; the subscriptions after them succeed silently.
            await().until(() -> errors(eves).size() == 2);
            var errors = errors(eves);
            eves.sync();
            // The secret group and a group that does not exist are refused in exactly the same words.
            assertThat(errors.get(0).toString()).isEqualTo(errors.get(1).toString());
            assertThat(errors.get(0).get("error").asString()).isEqualTo("Unknown stream type");
            assertThat(errors.get(0).get("status").asInt()).isEqualTo(400);

            var hidden = post(alice, Map.of("status", "The reorg is on", "group_id", secret));
            bobs.awaitEvent("update", statusId(hidden));
            var visible = post(alice, Map.of("status", "Town hall at 3", "group_id", open));
            eves.awaitEvent("update", statusId(visible));
            assertThat(alice.delete("/api/v1/statuses/" + hidden).status()).isEqualTo(200);
            bobs.awaitEvent("delete", m -> m.get("payload").asString().equals(hidden));
            awaitQuietEvents();
            var after = post(alice, Map.of("status", "Town hall moved to 4", "group_id", open));
            eves.awaitEvent("update", statusId(after));
            assertThat(eves.messages().toString()).doesNotContain(hidden);
        }
        // Asked for in the URL, the secret group's stream is refused and the socket closed.
        try (var refused = StreamClient.connect(
                baseUrl(), "stream=group&group=" + secret, p.eve.token(), TokenStyle.AUTHORIZATION_HEADER)) {
            await().until(() -> !refused.messages().isEmpty());
            assertThat(refused.messages().getFirst().get("error").asString()).isEqualTo("Unknown stream type");
        }
    }

    @Test
    void privateGroupStreamIsForMembersAndStopsWhenTheyLeave() {
        var group = group(alice, "Hiring panel", "private");
        addMember(alice, group, p.tom);
        try (var toms = connect("stream=group&group=" + group, p.tom.token());
                var bobs = connect("", p.bob.token())) {
            bobs.send("{\"type\":\"subscribe\",\"stream\":\"group\",\"group\":\"" + group + "\"}");
            await().until(() -> errors(bobs).size() == 1);
            assertThat(errors(bobs))
                    .first()
                    .satisfies(e -> assertThat(e.get("error").asString()).isEqualTo("Unknown stream type"));

            var first = post(alice, Map.of("status", "Shortlist attached", "group_id", group));
            toms.awaitEvent("update", statusId(first));

            // The audience is asked at delivery time: once tom has left, the open stream carries nothing more.
            assertThat(tom.post("/api/v1/groups/" + group + "/leave").status()).isEqualTo(200);
            var second = post(alice, Map.of("status", "Offer went out", "group_id", group));
            awaitQuietEvents();
            toms.send("{\"type\":\"subscribe\",\"stream\":\"public\"}");
            toms.sync();
            var marker = post(alice, "Marker after the offer");
            toms.awaitEvent("update", statusId(marker));
            assertThat(toms.messages().toString()).doesNotContain(second);
            assertThat(bobs.messages().toString()).doesNotContain(first);
        }
    }

    private String group(org.hallway.testing.Api admin, String name, String privacy) {
        var created = admin.post("/api/v1/groups", Map.of("name", name, "privacy", privacy));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private static void addMember(
            org.hallway.testing.Api admin, String group, org.hallway.testing.Personas.Persona who) {
        assertThat(admin.post("/api/v1/groups/" + group + "/members", Map.of("account_ids", List.of(who.idString())))
                        .status())
                .isEqualTo(200);
    }

    private StreamClient connect(String query, String token) {
        long before = switchboard.opened();
        var stream = StreamClient.connect(baseUrl(), query, token, TokenStyle.AUTHORIZATION_HEADER);
        await().until(() -> switchboard.opened() > before);
        return stream;
    }

    /** Every event published so far has been handled by its listeners (the registry holds none open). */
    private void awaitQuietEvents() {
        await().atMost(FAN_OUT)
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static List<JsonNode> errors(StreamClient stream) {
        return stream.messages().stream().filter(m -> m.has("error")).toList();
    }

    private static JsonNode payload(JsonNode message) {
        return JSON.readTree(message.get("payload").asString());
    }

    private static String lastStatusId(JsonNode message) {
        var last = payload(message).get("last_status");
        return last == null || last.isNull() ? "" : last.get("id").asString();
    }

    private static List<String> usernames(JsonNode conversation) {
        var names = new java.util.ArrayList<String>();
        for (var a : conversation.get("accounts")) names.add(a.get("username").asString());
        return names;
    }
}
