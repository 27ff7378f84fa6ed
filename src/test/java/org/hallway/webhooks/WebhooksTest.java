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

    @Autowired
    WebhookStore store;

    @Autowired
    WebhookSettings settings;

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

    @Test
    void aSenderThatStopsAfterTheRequestWentOutLosesNothingAndTheReceiverCanDropTheRepeat() {
        var hookId = outageWebhook();
        var posts = List.of(post(alice, "Database failover at 10:00 #outage"), post(bob, "Failover done #outage"));
        await().atMost(FAN_OUT).until(() -> pendingFor(hookId) == 2);

        // This sender's database fails when it records the first answer: the request already went out.
        var crashing = new SendWebhooks(new StopsBeforeRecording(store, 1), settings);
        var t0 = Instant.now();
        assertThat(crashing.handle(t0))
                .as("the other delivery of the run still goes")
                .isEqualTo(1);
        assertThat(outage()).hasSize(2);
        assertThat(pendingFor(hookId)).isEqualTo(1);

        // Nobody sends it while its claim lasts; afterwards any sender does, with the same delivery id.
        assertThat(sendWebhooks.handle(t0.plus(Duration.ofMinutes(1)))).isZero();
        assertThat(sendWebhooks.handle(t0.plus(Duration.ofMinutes(3)))).isEqualTo(1);
        assertThat(sendWebhooks.handle(t0.plus(Duration.ofHours(3)))).isZero();
        var outage = outage();
        assertThat(outage).hasSize(3);
        var byDelivery = new java.util.LinkedHashMap<String, List<Received>>();
        for (var r : outage)
            byDelivery
                    .computeIfAbsent(r.header("X-Hallway-Delivery"), k -> new java.util.ArrayList<>())
                    .add(r);
        assertThat(byDelivery).hasSize(2);
        var repeated = byDelivery.values().stream()
                .filter(l -> l.size() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(repeated.get(1).body()).isEqualTo(repeated.get(0).body());
        for (var r : outage)
            assertThat(r.header("X-Hallway-Signature"))
                    .isEqualTo("sha256=" + SendWebhooks.sign(SECRET, r.header("X-Hallway-Timestamp"), r.body()));
        // A receiver that keeps one per delivery id has each post exactly once.
        var kept = byDelivery.values().stream().map(l -> l.getFirst().body()).toList();
        for (var id : posts)
            assertThat(kept)
                    .filteredOn(b -> b.contains("\"id\":\"" + id + "\""))
                    .hasSize(1);

        var log = admin.get("/api/v1/admin/webhooks/" + hookId + "/deliveries").body();
        assertThat(log).hasSize(2);
        var attempts = new java.util.ArrayList<Integer>();
        for (var d : log) {
            assertThat(d.get("status").asString()).isEqualTo("delivered");
            attempts.add(d.get("attempts").asInt());
        }
        assertThat(attempts).containsExactlyInAnyOrder(1, 2);
        assertThat(admin.delete("/api/v1/admin/webhooks/" + hookId).status()).isEqualTo(200);
    }

    @Test
    void aDeliveryThatStopsItsSenderEveryTimeIsGivenUpAfterTheAttempts() {
        var hookId = outageWebhook();
        post(alice, "Power cut in building B #outage");
        await().atMost(FAN_OUT).until(() -> pendingFor(hookId) == 1);
        var crashing = new SendWebhooks(new StopsBeforeRecording(store, Integer.MAX_VALUE), settings);
        var at = Instant.now();
        for (int i = 0; i <= settings.maxAttempts(); i++) {
            crashing.handle(at);
            at = at.plus(Duration.ofMinutes(3));
        }
        assertThat(outage()).hasSize(settings.maxAttempts());
        var log = admin.get("/api/v1/admin/webhooks/" + hookId + "/deliveries").body();
        assertThat(log.get(0).get("status").asString()).isEqualTo("failed");
        assertThat(log.get(0).get("last_error").asString()).isEqualTo("The sender stopped while delivering it");
        assertThat(admin.delete("/api/v1/admin/webhooks/" + hookId).status()).isEqualTo(200);
    }

    @Test
    void aWebhookAddedReplacedOrRemovedShowsInTheVeryNextPost() {
        // Each post is fully delivered before the next, so each one asks for the network's webhooks.
        var before = delivered(post(alice, "Nothing hooked yet #deploy"));
        assertThat(hooksThatGot(before)).isEmpty();

        var deploy = webhook("#deploy");
        var first = delivered(post(alice, "Deploying 3.1 #deploy"));
        assertThat(hooksThatGot(first)).containsExactly(deploy);

        // An administrator changes what a webhook listens to by replacing it.
        assertThat(admin.delete("/api/v1/admin/webhooks/" + deploy).status()).isEqualTo(200);
        var rollout = webhook("#rollout");
        var second = delivered(post(alice, "Deploying 3.2 #deploy"));
        var third = delivered(post(bob, "Rolling out 3.2 to everyone #rollout"));
        assertThat(hooksThatGot(second)).isEmpty();
        assertThat(hooksThatGot(third)).containsExactly(rollout);

        assertThat(admin.delete("/api/v1/admin/webhooks/" + rollout).status()).isEqualTo(200);
        var fourth = delivered(post(bob, "Rolled back 3.2 #rollout #deploy"));
        assertThat(hooksThatGot(fourth)).isEmpty();
    }

    /** The real store, except that recording a delivered answer fails the first {@code times} times. */
    private static final class StopsBeforeRecording implements WebhookStore {
        private final WebhookStore store;
        private final AtomicInteger left;

        StopsBeforeRecording(WebhookStore store, int times) {
            this.store = store;
            this.left = new AtomicInteger(times);
        }

        @Override
        public void delivered(long id, int status, Instant at) {
            if (left.getAndDecrement() > 0) throw new IllegalStateException("Simulated crash before recording " + id);
            store.delivered(id, status, at);
        }

        @Override
        public void insert(Webhook hook) {
            store.insert(hook);
        }

        @Override
        public java.util.Optional<Webhook> find(long networkId, long id) {
            return store.find(networkId, id);
        }

        @Override
        public List<Webhook> list(long networkId) {
            return store.list(networkId);
        }

        @Override
        public boolean delete(long networkId, long id) {
            return store.delete(networkId, id);
        }

        @Override
        public void queue(WebhookDelivery delivery) {
            store.queue(delivery);
        }

        @Override
        public List<WebhookDelivery> deliveries(long networkId, Long webhookId, int limit) {
            return store.deliveries(networkId, webhookId, limit);
        }

        @Override
        public List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
            return store.claimDue(now, leaseUntil, limit);
        }

        @Override
        public void failed(long id, Integer status, String error, Instant nextAttemptAt) {
            store.failed(id, status, error, nextAttemptAt);
        }
    }

    private String outageWebhook() {
        received.removeIf(r -> r.path().equals("/outage"));
        var created = admin.post(
                "/api/v1/admin/webhooks",
                Map.of(
                        "url",
                        url("/outage"),
                        "events",
                        List.of("post.created"),
                        "hashtag",
                        "#outage",
                        "secret",
                        SECRET));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    private String webhook(String hashtag) {
        var created = admin.post(
                "/api/v1/admin/webhooks",
                Map.of(
                        "url",
                        url("/changes"),
                        "events",
                        List.of("post.created"),
                        "hashtag",
                        hashtag,
                        "secret",
                        SECRET));
        assertThat(created.status()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    /** Waits until every listener has handled the post. */
    private String delivered(String postId) {
        await().atMost(FAN_OUT).until(() -> incomplete(postId) == 0);
        return postId;
    }

    /** The webhooks a delivery of the post was queued for. */
    private List<String> hooksThatGot(String postId) {
        return jdbc.sql("select webhook_id::text from webhook_deliveries where network_id = ? and payload like ?")
                .params(p.networkId, "%\"id\":\"" + postId + "\"%")
                .query(String.class)
                .list();
    }

    private List<Received> outage() {
        return received.stream().filter(r -> r.path().equals("/outage")).toList();
    }

    private long pendingFor(String webhookId) {
        return jdbc.sql("select count(*) from webhook_deliveries where webhook_id = ? and status = 'pending'")
                .param(Long.parseLong(webhookId))
                .query(Long.class)
                .single();
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
