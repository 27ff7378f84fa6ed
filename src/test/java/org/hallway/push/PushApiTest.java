package org.hallway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push end to end against a push receiver started here, which subscribes as a browser does (its
 * own P-256 key pair and auth secret) and decrypts what arrives: a notification reaches the device
 * encrypted and signed, only the alerts and senders the subscription chose, never about a post the
 * reader can no longer see, and a device that unsubscribed (410) ends the subscription.
 */
class PushApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SendPushes sendPushes;

    @Autowired
    JdbcClient jdbc;

    private PushReceiver receiver;

    @BeforeAll
    void startReceiver() throws Exception {
        receiver = new PushReceiver();
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    private Map<String, Object> subscription(PushReceiver.Device device, Map<String, Object> alerts, String policy) {
        return Map.of(
                "subscription",
                Map.of(
                        "endpoint",
                        receiver.url(device.path()),
                        "keys",
                        Map.of("p256dh", device.p256dh(), "auth", device.authSecret()),
                        "standard",
                        true),
                "data",
                Map.of("alerts", alerts, "policy", policy));
    }

    private static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private String awaitNotification(org.hallway.testing.Api reader, String type, String statusId) {
        return await().atMost(WAIT)
                .until(
                        () -> {
                            for (var n :
                                    reader.get("/api/v1/notifications?limit=40").body()) {
                                if (n.get("type").asString().equals(type)
                                        && (statusId == null
                                                || (!n.get("status").isNull()
                                                        && n.get("status")
                                                                .get("id")
                                                                .asString()
                                                                .equals(statusId))))
                                    return n.get("id").asString();
                            }
                            return null;
                        },
                        id -> id != null);
    }

    private void awaitNoPushPending(String notificationId) {
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from push_deliveries where notification_id = ?")
                                .param(Long.parseLong(notificationId))
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void aMentionArrivesEncryptedAndSignedWithWhatMastodonSends() throws Exception {
        var device = receiver.device("/bob");
        var created = bob.post(
                "/api/v1/push/subscription",
                subscription(device, Map.of("mention", true, "favourite", false, "follow", "true"), "all"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.body().get("endpoint").asString()).isEqualTo(receiver.url("/bob"));
        assertThat(created.body().get("policy").asString()).isEqualTo("all");
        assertThat(created.body().get("alerts").get("mention").asBoolean()).isTrue();
        assertThat(created.body().get("alerts").get("follow").asBoolean()).isTrue();
        assertThat(created.body().get("alerts").get("favourite").asBoolean()).isFalse();
        assertThat(created.body().get("alerts").get("reblog").asBoolean()).isFalse();
        var serverKey = created.body().get("server_key").asString();
        assertThat(serverKey).isNotBlank();
        assertThat(bob.get("/api/v1/push/subscription").body().get("id").asString())
                .isEqualTo(created.body().get("id").asString());
        // The same key is offered to apps before they subscribe.
        assertThat(bob.get("/api/v2/instance")
                        .body()
                        .get("configuration")
                        .get("vapid")
                        .get("public_key")
                        .asString())
                .isEqualTo(serverKey);
        assertThat(bob.get("/api/v1/apps/verify_credentials")
                        .body()
                        .get("vapid_key")
                        .asString())
                .isEqualTo(serverKey);

        var statusId = post(alice, "@bob can you review the launch plan?");
        await().atMost(WAIT).until(() -> !receiver.at("/bob").isEmpty());
        var message = receiver.at("/bob").getFirst();
        assertThat(message.contentEncoding()).isEqualTo("aes128gcm");
        assertThat(message.ttl()).isNotBlank();
        assertThat(message.vapidValid()).isTrue();
        assertThat(PushReceiver.keyOf(message.authorization())).isEqualTo(serverKey);
        assertThat(message.json()).as("decrypted by the device").isNotNull();
        var payload = parse(message.json());
        assertThat(payload.get("access_token").asString()).isEqualTo(p.bob.token());
        assertThat(payload.get("notification_type").asString()).isEqualTo("mention");
        assertThat(payload.get("title").asString()).contains("Alice Adams");
        assertThat(payload.get("body").asString()).contains("can you review the launch plan?");
        assertThat(payload.get("icon").asString()).startsWith("http");
        assertThat(payload.get("preferred_locale").asString()).isEqualTo("en");
        var notificationId = awaitNotification(bob, "mention", statusId);
        assertThat(payload.get("notification_id").asString()).isEqualTo(notificationId);

        // A like is not among the chosen alerts: no push (the queued one is dropped unsent).
        assertThat(alice.post("/api/v1/statuses/" + post(bob, "Shipped the build") + "/favourite")
                        .status())
                .isEqualTo(200);
        awaitNoPushPending(awaitNotification(bob, "favourite", null));
        assertThat(receiver.at("/bob")).hasSize(1);

        // Changing the alerts and the policy keeps the subscription; only followed colleagues now.
        var changed = bob.put(
                "/api/v1/push/subscription",
                Map.of("data", Map.of("alerts", Map.of("favourite", true), "policy", "followed")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("alerts").get("favourite").asBoolean()).isTrue();
        assertThat(changed.body().get("alerts").get("mention").asBoolean()).isTrue();
        assertThat(changed.body().get("policy").asString()).isEqualTo("followed");
        var fromEve = post(eve, "@bob lunch?");
        awaitNoPushPending(awaitNotification(bob, "mention", fromEve));
        assertThat(receiver.at("/bob")).hasSize(1);
        follow(bob, p.eve);
        post(eve, "@bob coffee then?");
        await().atMost(WAIT).until(() -> receiver.at("/bob").size() == 2);
        assertThat(parse(receiver.at("/bob").get(1).json()).get("body").asString())
                .contains("coffee then?");

        assertThat(bob.delete("/api/v1/push/subscription").status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/push/subscription").status()).isEqualTo(404);
    }

    @Test
    void subscribingChangingAndUnsubscribingTakeEffectForTheVeryNextNotification() throws Exception {
        var dora = p.add("dora", "Dora Diaz", "", "", "", null);
        var doraApi = anonymous.as(dora.token());
        var toDora = "@" + dora.account().username();
        // Each step's notification is pushed (or not) before the next: each asks for dora's subscriptions.
        awaitNoPushPending(awaitNotification(doraApi, "mention", post(alice, toDora + " before any device")));
        assertThat(receiver.at("/dora")).isEmpty();

        var device = receiver.device("/dora");
        assertThat(doraApi.post("/api/v1/push/subscription", subscription(device, Map.of("mention", true), "all"))
                        .status())
                .isEqualTo(200);
        post(alice, toDora + " first push");
        await().atMost(WAIT).until(() -> receiver.at("/dora").size() == 1);
        assertThat(parse(receiver.at("/dora").getFirst().json()).get("body").asString())
                .contains("first push");

        assertThat(doraApi.put("/api/v1/push/subscription", Map.of("data", Map.of("policy", "none")))
                        .status())
                .isEqualTo(200);
        awaitNoPushPending(awaitNotification(doraApi, "mention", post(alice, toDora + " while pushes are off")));
        assertThat(receiver.at("/dora")).hasSize(1);

        assertThat(doraApi.put("/api/v1/push/subscription", Map.of("data", Map.of("policy", "all")))
                        .status())
                .isEqualTo(200);
        post(alice, toDora + " pushes are back");
        await().atMost(WAIT).until(() -> receiver.at("/dora").size() == 2);
        assertThat(parse(receiver.at("/dora").get(1).json()).get("body").asString())
                .contains("pushes are back");

        assertThat(doraApi.delete("/api/v1/push/subscription").status()).isEqualTo(200);
        awaitNoPushPending(awaitNotification(doraApi, "mention", post(alice, toDora + " after unsubscribing")));
        assertThat(receiver.at("/dora")).hasSize(2);
    }

    @Test
    void aPushNamesTheLanguageTheColleagueChose() throws Exception {
        var device = receiver.device("/admin");
        assertThat(admin.post("/api/v1/push/subscription", subscription(device, Map.of("mention", true), "all"))
                        .status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/accounts/update_credentials", Map.of("source", Map.of("language", "de")))
                        .status())
                .isEqualTo(200);

        post(alice, "@" + p.admin.account().username() + " kannst du die Folien prüfen?");
        await().atMost(WAIT).until(() -> !receiver.at("/admin").isEmpty());
        var payload = parse(receiver.at("/admin").getFirst().json());
        assertThat(payload.get("notification_type").asString()).isEqualTo("mention");
        assertThat(payload.get("preferred_locale").asString()).isEqualTo("de");
    }

    @Test
    void aPostThatWentOutOfSightBeforeARetryIsNotPushedAndAGoneDeviceEndsTheSubscription() throws Exception {
        var device = receiver.device("/tom");
        receiver.answer("/tom", 503);
        assertThat(tom.post("/api/v1/push/subscription", subscription(device, Map.of("mention", true), "all"))
                        .status())
                .isEqualTo(200);
        var statusId = post(alice, Map.of("status", "@tom a draft only you should read", "visibility", "direct"));
        await().atMost(WAIT).until(() -> receiver.at("/tom").size() == 1);
        var notificationId = awaitNotification(tom, "mention", statusId);
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select attempts from push_deliveries where notification_id = ?")
                                .param(Long.parseLong(notificationId))
                                .query(Integer.class)
                                .optional()
                                .orElse(0)
                        == 1);

        // The post is deleted before the service is back: the retry finds nothing the reader may see.
        assertThat(alice.delete("/api/v1/statuses/" + statusId).status()).isEqualTo(200);
        receiver.answer("/tom", 201);
        sendPushes.handle(null, Instant.now().plus(Duration.ofDays(1)));
        awaitNoPushPending(notificationId);
        assertThat(receiver.at("/tom")).hasSize(1);

        // The device unsubscribed at its push service (410 Gone): the subscription ends.
        receiver.answer("/tom", 410);
        post(alice, "@tom are you there?");
        await().atMost(WAIT).until(() -> receiver.at("/tom").size() == 2);
        await().atMost(WAIT).until(() -> tom.get("/api/v1/push/subscription").status() == 404);
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsStored() throws Exception {
        var device = receiver.device("/eve");
        var noEndpoint = eve.post(
                "/api/v1/push/subscription",
                Map.of("subscription", Map.of("keys", Map.of("p256dh", device.p256dh(), "auth", device.authSecret()))));
        assertThat(noEndpoint.status()).isEqualTo(422);
        assertThat(noEndpoint.error()).isNotBlank();
        var badKey = eve.post(
                "/api/v1/push/subscription",
                Map.of(
                        "subscription",
                        Map.of(
                                "endpoint",
                                receiver.url("/eve"),
                                "keys",
                                Map.of("p256dh", "AAAA", "auth", device.authSecret()))));
        assertThat(badKey.status()).isEqualTo(422);
        var badPolicy = eve.post("/api/v1/push/subscription", subscription(device, Map.of("mention", true), "friends"));
        assertThat(badPolicy.status()).isEqualTo(422);
        assertThat(eve.get("/api/v1/push/subscription").status()).isEqualTo(404);
        assertThat(eve.put("/api/v1/push/subscription", Map.of("policy", "all")).status())
                .isEqualTo(404);
        // Form bodies as Rails apps send them work too.
        var form = eve.postForm(
                "/api/v1/push/subscription",
                Map.of(
                        "subscription[endpoint]", receiver.url("/eve"),
                        "subscription[keys][p256dh]", device.p256dh(),
                        "subscription[keys][auth]", device.authSecret(),
                        "data[alerts][mention]", "true"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().get("alerts").get("mention").asBoolean()).isTrue();
        assertThat(form.body().get("alerts").get("follow").asBoolean()).isFalse();
    }
}
