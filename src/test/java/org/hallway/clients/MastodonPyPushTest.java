package org.hallway.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.hallway.push.PushSettings;
import org.hallway.testing.ApiTest;
import org.hallway.testing.ClientProgram;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Web Push with Mastodon.py (clients/mastodonpy/push.py): it subscribes with keys it generated, reads
 * and changes the subscription, receives the push a mention causes at its own small HTTP endpoint,
 * decrypts it as a device does (Mastodon's default {@code aesgcm} encoding, since Mastodon.py does
 * not ask for the standard one) and unsubscribes.
 */
class MastodonPyPushTest extends ApiTest {
    private static final ClientProgram CLIENT = ClientProgram.in("mastodonpy");
    private static final String PYTHON = "/usr/bin/python3";

    @Autowired
    PushSettings settings;

    @Test
    void mastodonPySubscribesReceivesAndDecryptsAPush() throws Exception {
        ClientProgram.require(
                ClientProgram.available(PYTHON, "-c", "import mastodon, cryptography"),
                "python3-mastodon is not installed (apt-get install python3-mastodon)");

        var result = CLIENT.run(120, PYTHON, "push.py", baseUrl(), p.bob.email(), Personas.PASSWORD, p.alice.token());
        assertThat(result.exit()).as("Mastodon.py output: %s", result.output()).isZero();

        var seen = result.lastJson();
        assertThat(seen.get("endpoint").asString()).startsWith("http://127.0.0.1:");
        assertThat(seen.get("serverKey").asString()).isNotBlank();
        assertThat(seen.get("shownId").asString())
                .isEqualTo(seen.get("createdId").asString());
        assertThat(seen.get("mentionAlert").asBoolean()).isTrue();
        assertThat(seen.get("favouriteBefore").asBoolean()).isFalse();
        assertThat(seen.get("favouriteAfter").asBoolean()).isTrue();
        assertThat(seen.get("contentEncoding").asString()).isEqualTo("aesgcm");
        assertThat(seen.get("authorization").asString()).isEqualTo("WebPush");
        assertThat(seen.get("title").asString()).isEqualTo("Alice Adams mentioned you");
        assertThat(seen.get("body").asString()).contains("the push check is on its way");
        assertThat(seen.get("type").asString()).isEqualTo("mention");
        assertThat(seen.get("locale").asString()).isEqualTo(settings.locale());
        assertThat(seen.get("gone").asBoolean()).isTrue();

        // The push names the notification the app then fetches.
        var notification =
                bob.get("/api/v1/notifications/" + seen.get("notificationId").asString());
        assertThat(notification.status()).isEqualTo(200);
        assertThat(notification.body().get("status").get("id").asString())
                .isEqualTo(seen.get("mentionId").asString());
    }
}
