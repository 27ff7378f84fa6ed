package org.hallway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base for API tests: a network of personas of its own per test class and an {@link Api} client for
 * each (plus {@link #anonymous} without a token), with the waits and id helpers most tests need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest extends HallwayTest {
    /** Fan-out to home feeds runs after commit: reads wait at most this long for it. */
    protected static final Duration FAN_OUT = Duration.ofSeconds(10);

    @Autowired
    protected PersonaFactory factory;

    protected Personas p;
    protected Api anonymous, admin, alice, bob, tom, eve, gus;

    @BeforeAll
    void createPersonas() {
        p = factory.create();
        anonymous = new Api(baseUrl(), null);
        admin = anonymous.as(p.admin.token());
        alice = anonymous.as(p.alice.token());
        bob = anonymous.as(p.bob.token());
        tom = anonymous.as(p.tom.token());
        eve = anonymous.as(p.eve.token());
        gus = anonymous.as(p.gus.token());
    }

    /** Posts a public status and returns its id, failing loudly if the post is refused. */
    protected static String post(Api api, String text) {
        return post(api, Map.of("status", text));
    }

    protected static String post(Api api, Map<String, ?> body) {
        var created = api.post("/api/v1/statuses", body);
        assertThat(created.status()).as("posting %s: %s", body, created.body()).isEqualTo(200);
        return created.body().get("id").asString();
    }

    protected static void follow(Api follower, Personas.Persona followee) {
        assertThat(follower.post("/api/v1/accounts/" + followee.idString() + "/follow")
                        .status())
                .isEqualTo(200);
    }

    protected static void awaitInHome(Api reader, String statusId) {
        await().atMost(FAN_OUT)
                .until(() -> ids(reader.get("/api/v1/timelines/home?limit=40").body())
                        .contains(statusId));
    }

    protected static void awaitNotInHome(Api reader, String statusId) {
        await().atMost(FAN_OUT)
                .until(() -> !ids(reader.get("/api/v1/timelines/home?limit=40").body())
                        .contains(statusId));
    }

    /** The ids of a JSON array of entities, in order. */
    public static List<String> ids(JsonNode array) {
        var list = new ArrayList<String>();
        for (var item : array) list.add(item.get("id").asString());
        return list;
    }

    /** The URL of one relation ({@code next}, {@code prev}) in a Link header. */
    protected static String link(Api.Response response, String rel) {
        var header = response.header("Link");
        if (header == null) return null;
        for (var part : header.split(",")) {
            if (part.contains("rel=\"" + rel + "\"")) return part.substring(part.indexOf('<') + 1, part.indexOf('>'));
        }
        return null;
    }
}
