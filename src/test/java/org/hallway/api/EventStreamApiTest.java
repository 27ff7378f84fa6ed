package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.hallway.testing.EventStreamClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's streaming API over plain HTTP (Server-Sent Events), as scripts such as Mastodon.py read
 * it: the same events as over WebSocket, only what the reader may see, and errors as JSON.
 */
class EventStreamApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void userStreamCarriesHomePostsAndNotificationsAndNothingElse() {
        follow(bob, p.alice);
        try (var stream = EventStreamClient.mastodon(baseUrl(), "/api/v1/streaming/user", p.bob.token())) {
            var followed = post(alice, "Over plain HTTP #sse");
            var stranger = post(eve, "Bob does not follow me");
            var mention = post(tom, "@bob have a look");
            await().atMost(WAIT).untilAsserted(() -> assertThat(stream.events())
                    .extracting(EventStreamClient.Event::name)
                    .contains("update", "notification"));

            var updates = stream.data("update").stream()
                    .map(d -> JSON.readTree(d).get("id").asString())
                    .toList();
            assertThat(updates).contains(followed).doesNotContain(stranger);
            var notification = JSON.readTree(stream.data("notification").getFirst());
            assertThat(notification.get("type").asString()).isEqualTo("mention");
            assertThat(notification.get("status").get("id").asString()).isEqualTo(mention);
        }
    }

    @Test
    void hashtagStreamOverHttpAndDeletes() {
        try (var stream =
                EventStreamClient.mastodon(baseUrl(), "/api/v1/streaming/hashtag?tag=ssetag", p.tom.token())) {
            var tagged = post(alice, "Tagged #ssetag");
            await().atMost(WAIT).until(() -> !stream.data("update").isEmpty());
            assertThat(JSON.readTree(stream.data("update").getFirst()).get("id").asString())
                    .isEqualTo(tagged);
            assertThat(alice.delete("/api/v1/statuses/" + tagged).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> stream.data("delete").contains(tagged));
        }
    }

    @Test
    void refusesWhatTheReaderMayNotOpen() {
        var missingTag = tom.get("/api/v1/streaming/hashtag");
        assertThat(missingTag.status()).isEqualTo(400);
        assertThat(missingTag.error()).isEqualTo("No tag for stream provided");

        var secret = alice.post("/api/v1/groups", Map.of("name", "Quiet room", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        var refused = eve.get("/api/v1/streaming/group?group=" + secret);
        var unknown = eve.get("/api/v1/streaming/group?group=999999999");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo(unknown.body());

        assertThat(anonymous.get("/api/v1/streaming/user").status()).isEqualTo(401);
        assertThat(tom.get("/api/v1/streaming/nonsense").status()).isEqualTo(404);
    }
}
