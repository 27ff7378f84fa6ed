package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Direct messages and Mastodon's conversations: one per participant set, per participant, with unread state. */
class ConversationsApiTest extends ApiTest {

    @Test
    void oneToOneMessageOpensAnUnreadConversationForTheRecipientOnly() {
        var dm = post(alice, Map.of("status", "@bob lunch tomorrow?", "visibility", "direct"));
        var bobs = awaitConversationWith(bob, dm);
        assertThat(bobs.get("unread").asBoolean()).isTrue();
        assertThat(bobs.get("accounts")).hasSize(1);
        assertThat(bobs.get("accounts").get(0).get("id").asString()).isEqualTo(p.alice.idString());
        assertThat(bobs.get("last_status").get("visibility").asString()).isEqualTo("direct");
        var alices = awaitConversationWith(alice, dm);
        assertThat(alices.get("unread").asBoolean()).isFalse();
        assertThat(alices.get("accounts").get(0).get("id").asString()).isEqualTo(p.bob.idString());
        assertThat(ids(eve.get("/api/v1/conversations").body())).isEmpty();

        var read = bob.post("/api/v1/conversations/" + bobs.get("id").asString() + "/read");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("unread").asBoolean()).isFalse();
        assertThat(conversationWith(bob, dm).get("unread").asBoolean()).isFalse();

        // bob answers without mentioning anyone: the reply keeps the conversation's participants.
        var answer = post(bob, Map.of("status", "Sure!", "in_reply_to_id", dm));
        assertThat(bob.get("/api/v1/statuses/" + answer)
                        .body()
                        .get("visibility")
                        .asString())
                .isEqualTo("direct");
        var again = awaitConversationWith(alice, answer);
        assertThat(again.get("id").asString()).isEqualTo(alices.get("id").asString());
        assertThat(again.get("unread").asBoolean()).isTrue();
        assertThat(eve.get("/api/v1/statuses/" + answer).status()).isEqualTo(404);
    }

    @Test
    void groupMessageIsOneConversationPerParticipantSetAndDeletingOnlyLeavesOnesOwnInbox() {
        var first = post(tom, Map.of("status", "@alice @bob retro at 4?", "visibility", "direct"));
        var alices = awaitConversationWith(alice, first);
        assertThat(alices.get("accounts")).hasSize(2);
        var pair = post(tom, Map.of("status", "@alice just you and me", "visibility", "direct"));
        var alicesPair = awaitConversationWith(alice, pair);
        assertThat(alicesPair.get("id").asString())
                .isNotEqualTo(alices.get("id").asString());

        assertThat(alice.delete("/api/v1/conversations/" + alices.get("id").asString())
                        .status())
                .isEqualTo(200);
        assertThat(conversationWith(alice, first)).isNull();
        assertThat(awaitConversationWith(bob, first)).isNotNull();
        assertThat(alice.delete("/api/v1/conversations/" + alices.get("id").asString())
                        .status())
                .isEqualTo(404);

        // A new message brings the conversation back.
        var more = post(bob, Map.of("status", "4 works", "in_reply_to_id", first));
        assertThat(awaitConversationWith(alice, more).get("unread").asBoolean()).isTrue();
    }

    @Test
    void directMessagesStayOutOfEveryOtherFeed() {
        var dm = post(alice, Map.of("status", "@tom #salary numbers attached", "visibility", "direct"));
        awaitConversationWith(tom, dm);
        awaitInHome(tom, dm);
        for (var reader : new Api[] {tom, eve, bob}) {
            assertThat(ids(reader.get("/api/v1/timelines/public").body())).doesNotContain(dm);
            assertThat(ids(reader.get("/api/v1/timelines/tag/salary").body())).doesNotContain(dm);
            assertThat(ids(reader.get("/api/v1/accounts/" + p.alice.idString() + "/statuses")
                            .body()))
                    .doesNotContain(dm);
        }
        for (var outsider : new Api[] {eve, bob}) {
            assertThat(outsider.get("/api/v1/statuses/" + dm).status()).isEqualTo(404);
            assertThat(ids(outsider.get("/api/v1/timelines/home").body())).doesNotContain(dm);
        }
        assertThat(tom.post("/api/v1/statuses/" + dm + "/reblog").status()).isEqualTo(403);
        // An edit can't add a participant.
        assertThat(alice.put("/api/v1/statuses/" + dm, Map.of("status", "@tom @eve numbers"))
                        .status())
                .isEqualTo(200);
        assertThat(eve.get("/api/v1/statuses/" + dm).status()).isEqualTo(404);
    }

    @Test
    void conversationsNeedTheReadScopeToListAndWriteScopeToChange() {
        var response = anonymous.get("/api/v1/conversations");
        assertThat(response.status()).isEqualTo(401);
    }

    private static JsonNode awaitConversationWith(Api reader, String statusId) {
        await().atMost(FAN_OUT).until(() -> conversationWith(reader, statusId) != null);
        return conversationWith(reader, statusId);
    }

    private static JsonNode conversationWith(Api reader, String statusId) {
        for (var c : reader.get("/api/v1/conversations").body()) {
            var last = c.get("last_status");
            if (last != null && !last.isNull() && last.get("id").asString().equals(statusId)) return c;
        }
        return null;
    }
}
