package org.hallway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.identity.DeactivateAccount;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outgoing webhooks against a real HTTP receiver started here: only posts the whole network may read
 * leave, every request is signed, and a receiver that fails is retried with backoff until it answers.
 */
class WebhooksTest extends ApiTest {
    private static final String SECRET = "a-long-shared-secret-for-tests";

    record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    @Autowired
    SendWebhooks sendWebhooks;

    @Autowired
    DeactivateAccount deactivate;

    @Autowired
    JdbcClient jdbc;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeAll
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var path = exchange.getRequestURI().getPath();
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            // The flaky receiver fails twice, then accepts.
            int status = path.equals("/flaky") && flakyCalls.incrementAndGet() <= 2 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void sendsOnlyNetworkWidePostsSignedAndRetriesAFailingReceiverUntilItAnswers() {
        assertThat(alice.post("/api/v1/admin/webhooks", Map.of("url", url("/x"), "events", List.of("post.created")))
                        .status())
                .isEqualTo(403);
        var badUrl = admin.post("/api/v1/admin/webhooks", Map.of("url", "ftp://x", "events", List.of("post.created")));
        assertThat(badUrl.status()).isEqualTo(422);
        assertThat(badUrl.error()).contains("http");
        var secretGroup = alice.post("/api/v1/groups", Map.of("name", "Board", "privacy", "secret"))
                .body()
                .get("id")
                .asString();
        var refused = admin.post(
                "/api/v1/admin/webhooks",
                Map.of("url", url("/x"), "events", List.of("post.created"), "group_id", secretGroup));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("public group");

        var tagged = admin.post(
                "/api/v1/admin/webhooks",
                Map.of(
                        "url",
                        url("/release"),
                        "events",
                        List.of("post.created", "account.deactivated"),
                        "hashtag",
                        "#Release",
                        "secret",
                        SECRET));
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.body().get("secret").asString()).isEqualTo(SECRET);
        var flaky = admin.post(
                "/api/v1/admin/webhooks",
                Map.of("url", url("/flaky"), "events", List.of("account.created"), "secret", SECRET));
        assertThat(flaky.status()).isEqualTo(200);
        var flakyId = flaky.body().get("id").asString();
        assertThat(admin.get("/api/v1/admin/webhooks").body().toString()).doesNotContain(SECRET);

        follow(bob, p.alice);
        var hidden = List.of(
                post(alice, Map.of("status", "#release followers only", "visibility", "private")),
                post(alice, Map.of("status", "@bob #release just us", "visibility", "direct")),
                post(alice, Map.of("status", "#release board only", "group_id", secretGroup)));
        var shown = post(alice, "Version <2.0> is out #release");
        post(alice, "Lunch is ready");
        var carol = p.add("carol", "Carol Cook", "", "", "", null);
        deactivate.handle(p.admin.viewer(), carol.id());
        // Every listener has handled the hidden posts (their publications are complete) before we look.
        await().atMost(FAN_OUT)
                .until(() -> hidden.stream().allMatch(id -> incomplete(id) == 0) && incomplete(shown) == 0);
        await().atMost(FAN_OUT).until(() -> pending() == 3);

        var t0 = Instant.now();
        assertThat(sendWebhooks.handle(t0)).isEqualTo(2);
        assertThat(sendWebhooks.handle(t0.plus(Duration.ofMinutes(1)))).isZero();
        assertThat(sendWebhooks.handle(t0.plus(Duration.ofMinutes(3)))).isEqualTo(1);
        assertThat(sendWebhooks.handle(t0.plus(Duration.ofHours(3)))).isZero();

        var release = received.stream()
                .filter(r -> r.path().equals("/release"))
                .map(Received::body)
                .toList();
        assertThat(release).hasSize(2);
        assertThat(release)
                .anyMatch(b -> b.contains("Version <2.0> is out #release") && b.contains("\"id\":\"" + shown + "\""));
        assertThat(release).anyMatch(b -> b.contains("\"event\":\"account.deactivated\"") && b.contains("carol"));
        for (var r : received) {
            assertThat(r.body()).doesNotContain("followers only", "just us", "board only", "Lunch");
            assertThat(r.header("X-Hallway-Signature"))
                    .isEqualTo("sha256=" + SendWebhooks.sign(SECRET, r.header("X-Hallway-Timestamp"), r.body()));
        }
        var flakyBodies = received.stream()
                .filter(r -> r.path().equals("/flaky"))
                .map(Received::body)
                .toList();
        assertThat(flakyBodies).hasSize(3);
        assertThat(flakyBodies.stream().distinct()).hasSize(1);
        assertThat(flakyBodies.getFirst()).contains("\"event\":\"account.created\"", "carol");

        var log = admin.get("/api/v1/admin/webhooks/" + flakyId + "/deliveries").body();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("status").asString()).isEqualTo("delivered");
        assertThat(log.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(alice.get("/api/v1/admin/webhooks/" + flakyId + "/deliveries")
                        .status())
                .isEqualTo(403);
    }

    private long incomplete(String postId) {
        return jdbc.sql(
                        "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param("%" + postId + "%")
                .query(Long.class)
                .single();
    }

    private long pending() {
        return jdbc.sql("select count(*) from webhook_deliveries where network_id = ? and status = 'pending'")
                .param(p.networkId)
                .query(Long.class)
                .single();
    }
}
