package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hallway.testing.StreamClient.status;
import static org.hallway.testing.StreamClient.statusId;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hallway.stream.Switchboard;
import org.hallway.testing.ApiTest;
import org.hallway.testing.StreamClient;
import org.hallway.testing.StreamClient.TokenStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mastodon's streaming API over a real WebSocket: who hears what, and in which shape. */
class StreamingApiTest extends ApiTest {
    @Autowired
    Switchboard switchboard;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void bobFollowsAlice() {
        follow(bob, p.alice);
    }

    @ParameterizedTest
    @EnumSource(TokenStyle.class)
    void followerHearsUpdateEditAndDeleteWithTheTokenInEachStyle(TokenStyle style) {
        try (var stream = connect("stream=user", p.bob.token(), style)) {
            if (style == TokenStyle.SUBPROTOCOL)
                assertThat(stream.subprotocol()).isEqualTo(p.bob.token());

            var id = post(alice, "Live from the " + style + " #standup");
            var update = stream.awaitEvent("update", statusId(id));
            assertThat(update.get("stream").toString()).isEqualTo("[\"user\"]");
            assertThat(update.get("payload").isString()).isTrue();
            var shown = status(update);
            assertThat(shown.get("content").asString()).contains("Live from the");
            assertThat(shown.get("account").get("username").asString()).isEqualTo("alice");
            assertThat(shown.get("uri").asString()).startsWith(baseUrl());

            assertThat(alice.put("/api/v1/statuses/" + id, Map.of("status", "Edited live #standup"))
                            .status())
                    .isEqualTo(200);
            var edited = stream.awaitEvent("status.update", statusId(id));
            assertThat(status(edited).get("content").asString()).contains("Edited live");

            assertThat(alice.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
            var deleted =
                    stream.awaitEvent("delete", m -> m.get("payload").asString().equals(id));
            assertThat(deleted.get("stream").toString()).isEqualTo("[\"user\"]");
        }
    }

    @Test
    void followersOnlyPostOfSomeoneNotFollowedNeverArrives() {
        try (var stream = connect("stream=user", p.bob.token(), TokenStyle.AUTHORIZATION_HEADER)) {
            stream.send("{\"type\":\"subscribe\",\"stream\":\"public\"}");
            stream.sync();
            var secret = post(eve, Map.of("status", "Only for my followers", "visibility", "private"));
            awaitQuietEvents();
            // A later post bob does hear: the connection's deliveries are in order, so nothing of eve's is pending.
            var later = post(alice, "After eve's private post");
            stream.awaitEvent("update", statusId(later));
            stream.awaitEvent(
                    "update",
                    m -> m.get("stream").toString().equals("[\"public\"]")
                            && statusId(later).test(m));
            assertThat(stream.messages().toString()).doesNotContain(secret);
        }
    }

    @Test
    void hashtagStreamsAreSubscribedAndUnsubscribedOverOneSocket() {
        try (var stream = connect("", p.eve.token(), TokenStyle.QUERY_PARAMETER)) {
            stream.send("{\"type\":\"subscribe\",\"stream\":\"hashtag\",\"tag\":\"Roadmap\"}");
            stream.sync();
            var tagged = post(tom, "Next quarter's #roadmap is out");
            var update = stream.awaitEvent("update", statusId(tagged));
            assertThat(update.get("stream").toString()).isEqualTo("[\"hashtag\",\"Roadmap\"]");

            stream.send("{\"type\":\"unsubscribe\",\"stream\":\"hashtag\",\"tag\":\"Roadmap\"}");
            stream.send("{\"type\":\"subscribe\",\"stream\":\"public:local\"}");
            stream.sync();
            var untagged = post(tom, "No tag here");
            stream.awaitEvent(
                    "update",
                    m -> statusId(untagged).test(m)
                            && m.get("stream").toString().equals("[\"public:local\"]"));
            var again = post(tom, "More on the #roadmap");
            stream.awaitEvent(
                    "update",
                    m -> statusId(again).test(m) && m.get("stream").toString().equals("[\"public:local\"]"));
            assertThat(stream.messages().stream()
                            .filter(m -> m.has("stream")
                                    && m.get("stream").toString().contains("hashtag"))
                            .map(m -> status(m).get("id").asString()))
                    .containsExactly(tagged);
        }
    }

    @Test
    void aHomeStreamSubscribedOnAnOpenSocketHearsTheNextPost() {
        try (var stream = connect("", p.bob.token(), TokenStyle.AUTHORIZATION_HEADER)) {
            stream.send("{\"type\":\"subscribe\",\"stream\":\"public\"}");
            stream.sync();
            // Heard on the company stream only: the switchboard has seen the socket with its first channel.
            var before = post(alice, "Before the home stream");
            stream.awaitEvent("update", m -> statusId(before).test(m));
            assertThat(stream.messages().toString()).doesNotContain("[\"user\"]");

            stream.send("{\"type\":\"subscribe\",\"stream\":\"user\"}");
            stream.sync();
            var after = post(alice, Map.of("status", "For my followers, live", "visibility", "private"));
            var update = stream.awaitEvent("update", statusId(after));
            assertThat(update.get("stream").toString()).isEqualTo("[\"user\"]");
        }
    }

    @Test
    void unknownStreamIsAnsweredWithMastodonsError() {
        try (var stream = connect("stream=user", p.bob.token(), TokenStyle.AUTHORIZATION_HEADER)) {
            stream.send("{\"type\":\"subscribe\",\"stream\":\"nonsense\"}");
            await().until(() -> stream.messages().stream().anyMatch(m -> m.has("error")));
            var error = stream.messages().stream()
                    .filter(m -> m.has("error"))
                    .findFirst()
                    .orElseThrow();
            assertThat(error.get("error").asString()).isEqualTo("Unknown stream type");
            assertThat(error.get("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void handshakeWithoutValidTokenIsRefused() {
        assertThatThrownBy(() -> StreamClient.connect(baseUrl(), "stream=user", "not-a-token", TokenStyle.SUBPROTOCOL))
                .hasStackTraceContaining("401");
        assertThatThrownBy(
                        () -> StreamClient.connect(baseUrl(), "stream=user", "not-a-token", TokenStyle.QUERY_PARAMETER))
                .hasStackTraceContaining("401");
    }

    @Test
    void healthAnswersOkAndInstanceNamesTheStreamingAddress() throws Exception {
        var health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/streaming/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("OK");
        assertThat(health.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        var ws = "ws://127.0.0.1:" + port;
        assertThat(anonymous
                        .get("/api/v1/instance")
                        .body()
                        .get("urls")
                        .get("streaming_api")
                        .asString())
                .isEqualTo(ws);
        assertThat(anonymous
                        .get("/api/v2/instance")
                        .body()
                        .get("configuration")
                        .get("urls")
                        .get("streaming")
                        .asString())
                .isEqualTo(ws);
    }

    private StreamClient connect(String query, String token, TokenStyle style) {
        long before = switchboard.opened();
        var stream = StreamClient.connect(baseUrl(), query, token, style);
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
}
