package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.testing.Api;
import org.hallway.testing.HallwayTest;
import org.hallway.testing.PersonaFactory;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsApiTest extends HallwayTest {
    @Autowired
    PersonaFactory factory;

    Personas p;
    Api alice, bob, tom, eve;

    @BeforeAll
    void setUp() {
        p = factory.create();
        alice = new Api(baseUrl(), p.alice.token());
        bob = alice.as(p.bob.token());
        tom = alice.as(p.tom.token());
        eve = alice.as(p.eve.token());
        assertThat(bob.post("/api/v1/accounts/" + p.alice.idString() + "/follow")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void postReachesFollowersHomeFeedButNotOthers() {
        var created = alice.post(
                "/api/v1/statuses", Map.of("status", "Kick-off for #launch tomorrow, @bob please bring the plan"));
        assertThat(created.status()).isEqualTo(200);
        var id = created.body().get("id").asString();
        assertThat(created.body().get("content").asString())
                .contains("class=\"mention hashtag\"")
                .contains("/tags/launch")
                .contains("class=\"u-url mention\"");
        assertThat(created.body().get("mentions").get(0).get("username").asString())
                .isEqualTo("bob");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(bob.get("/api/v1/timelines/home").body()).contains(id));
        assertThat(ids(alice.get("/api/v1/timelines/home").body())).contains(id);
        assertThat(ids(eve.get("/api/v1/timelines/home").body())).doesNotContain(id);
        assertThat(ids(eve.get("/api/v1/timelines/public").body())).contains(id);
        assertThat(ids(eve.get("/api/v1/timelines/tag/LAUNCH").body())).contains(id);
    }

    @Test
    void followersOnlyPostIsHiddenFromOthersEverywhere() {
        var created =
                alice.post("/api/v1/statuses", Map.of("status", "Only for my followers", "visibility", "private"));
        var id = created.body().get("id").asString();
        assertThat(created.body().get("visibility").asString()).isEqualTo("private");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(bob.get("/api/v1/timelines/home").body()).contains(id));
        assertThat(eve.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(ids(eve.get("/api/v1/timelines/public").body())).doesNotContain(id);
        assertThat(ids(eve.get("/api/v1/accounts/" + p.alice.idString() + "/statuses")
                        .body()))
                .doesNotContain(id);
        assertThat(eve.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/statuses/" + id + "/reblog").status()).isEqualTo(403);
    }

    @Test
    void pagesThroughHomeFeedWithLinkHeader() {
        var posted = new ArrayList<String>();
        for (int i = 0; i < 5; i++)
            posted.add(tom.post("/api/v1/statuses", Map.of("status", "page test " + i))
                    .body()
                    .get("id")
                    .asString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(tom.get("/api/v1/timelines/home").body()).containsAll(posted));
        var first = tom.get("/api/v1/timelines/home?limit=2");
        assertThat(ids(first.body())).containsExactly(posted.get(4), posted.get(3));
        var link = first.header("Link");
        assertThat(link)
                .contains("rel=\"next\"")
                .contains("max_id=" + posted.get(3))
                .startsWith("<http://");
        var next = link.substring(1, link.indexOf('>'));
        assertThat(ids(tom.get(next).body())).containsExactly(posted.get(2), posted.get(1));
    }

    static List<String> ids(JsonNode array) {
        var list = new ArrayList<String>();
        for (var item : array) list.add(item.get("id").asString());
        return list;
    }
}
