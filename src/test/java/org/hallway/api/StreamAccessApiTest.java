package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hallway.testing.StreamClient.statusId;

import java.util.Map;
import org.hallway.identity.RevokeAppAuthorization;
import org.hallway.stream.Switchboard;
import org.hallway.testing.ApiTest;
import org.hallway.testing.EventStreamClient;
import org.hallway.testing.PasswordGrant;
import org.hallway.testing.Personas;
import org.hallway.testing.StreamClient;
import org.hallway.testing.StreamClient.TokenStyle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Open streams end when their access does: a revoked token, a deactivated colleague. */
class StreamAccessApiTest extends ApiTest {
    private static final String OOB = "urn:ietf:wg:oauth:2.0:oob";

    @Autowired
    Switchboard switchboard;

    @Autowired
    RevokeAppAuthorization revokeApp;

    @Test
    void revokingATokenClosesItsOpenSocketButNotOthers() {
        var app = anonymous
                .post("/api/v1/apps", Map.of("client_name", "Phone", "redirect_uris", OOB, "scopes", "read"))
                .body();
        var token = PasswordGrant.of(anonymous, app).token(p.tom.email(), Personas.PASSWORD, "read");
        follow(tom, p.alice);
        try (var phone = connect("stream=user", token);
                var desktop = connect("stream=user", p.tom.token())) {
            var before = post(alice, "Before the phone was lost");
            phone.awaitEvent("update", statusId(before));

            var revoked = anonymous.postForm(
                    "/oauth/revoke",
                    Map.of(
                            "token", token,
                            "client_id", app.get("client_id").asString(),
                            "client_secret", app.get("client_secret").asString()));
            assertThat(revoked.status()).isEqualTo(200);

            await().atMost(FAN_OUT).until(() -> !phone.open());
            // Tom's other app keeps streaming.
            var after = post(alice, "After the phone was lost");
            desktop.awaitEvent("update", statusId(after));
            assertThat(desktop.open()).isTrue();
            assertThat(phone.messages().toString()).doesNotContain(after);
        }
    }

    @Test
    void withdrawingAnAppOnTheAppsPageClosesItsSocketsAndHttpStreams() {
        var app = anonymous
                .post("/api/v1/apps", Map.of("client_name", "Old laptop", "redirect_uris", OOB, "scopes", "read"))
                .body();
        var token = PasswordGrant.of(anonymous, app).token(p.bob.email(), Personas.PASSWORD, "read");
        try (var socket = connect("stream=user", token);
                var http = EventStreamClient.mastodon(baseUrl(), "/api/v1/streaming/user", token)) {
            assertThat(socket.open()).isTrue();
            assertThat(http.ended()).isFalse();
            // What the "Apps" page's "Revoke access" button runs.
            revokeApp.handle(p.bob.viewer(), Long.parseLong(app.get("id").asString()));
            await().atMost(FAN_OUT).until(() -> !socket.open() && http.ended());
        }
        assertThat(anonymous
                        .as(token)
                        .get("/api/v1/accounts/verify_credentials")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void deactivatingAColleagueClosesTheirSocketsAndPageStreams() throws Exception {
        var other = factory.create();
        var admin = anonymous.as(other.admin.token());
        try (var socket = connect("stream=user", other.bob.token());
                var page = EventStreamClient.open(baseUrl(), other.bob, "home", null)) {
            assertThat(page.ended()).isFalse();
            assertThat(admin.post(
                                    "/api/v1/admin/accounts/" + other.bob.idString() + "/action",
                                    Map.of("type", "disable"))
                            .status())
                    .isEqualTo(200);
            await().atMost(FAN_OUT).until(() -> !socket.open() && page.ended());
        }
    }

    private StreamClient connect(String query, String token) {
        long before = switchboard.opened();
        var stream = StreamClient.connect(baseUrl(), query, token, TokenStyle.AUTHORIZATION_HEADER);
        await().until(() -> switchboard.opened() > before);
        return stream;
    }
}
