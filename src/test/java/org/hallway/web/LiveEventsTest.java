package org.hallway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.hallway.stream.Switchboard;
import org.hallway.testing.ApiTest;
import org.hallway.testing.EventStreamClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web UI's event stream: a reconnecting page gets what it missed, exactly once. */
class LiveEventsTest extends ApiTest {
    @Autowired
    Switchboard switchboard;

    @Autowired
    JdbcClient jdbc;

    /** Every event published so far has been handled by its listeners (the registry holds none open). */
    private void awaitQuietEvents() {
        await().atMost(FAN_OUT)
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void reconnectWithLastEventIdReplaysMissedPostsOnceThenGoesLive() throws Exception {
        follow(bob, p.alice);
        var seen = post(alice, "Seen before the connection dropped");
        awaitInHome(bob, seen);
        var missed1 = post(alice, "Posted while bob was away");
        var missed2 = post(alice, "Also posted while bob was away");
        awaitInHome(bob, missed2);
        awaitInHome(bob, missed1);

        long before = switchboard.opened();
        try (var live = EventStreamClient.open(baseUrl(), p.bob, "home", seen)) {
            await().atMost(FAN_OUT).until(() -> live.data("post").size() >= 2);
            await().until(() -> switchboard.opened() > before);
            var later = post(alice, "Posted after bob came back");
            await().atMost(FAN_OUT).until(() -> live.data("post").contains(later));
            var afterLater = post(alice, "And one more");
            await().atMost(FAN_OUT).until(() -> live.data("post").contains(afterLater));

            assertThat(live.data("post")).containsExactly(missed1, missed2, later, afterLater);
            assertThat(live.events().stream()
                            .filter(e -> e.name().equals("post"))
                            .map(EventStreamClient.Event::id))
                    .containsExactly(missed1, missed2, later, afterLater);
        }
    }

    @Test
    void counterChangesReachReadersOfThePost() throws Exception {
        var id = post(alice, "Count the likes on this one");
        long before = switchboard.opened();
        try (var live = EventStreamClient.open(baseUrl(), p.eve, "company", null)) {
            await().until(() -> switchboard.opened() > before);
            assertThat(tom.post("/api/v1/statuses/" + id + "/favourite").status())
                    .isEqualTo(200);
            await().atMost(FAN_OUT).until(() -> live.data("counts").stream()
                    .anyMatch(d -> d.contains("\"id\":\"" + id + "\"") && d.contains("\"favourites\":1")));
        }
    }

    @Test
    void followersOnlyPostIsNotAnnouncedToOthers() throws Exception {
        long before = switchboard.opened();
        try (var live = EventStreamClient.open(baseUrl(), p.eve, "home", null)) {
            await().until(() -> switchboard.opened() > before);
            var secret = post(
                    tom, java.util.Map.of("status", "Followers only, and eve is not one", "visibility", "private"));
            assertThat(tom.post("/api/v1/statuses/" + secret + "/favourite").status())
                    .isEqualTo(200);
            awaitQuietEvents();
            var own = post(eve, "Eve's own post reaches her own home");
            await().atMost(FAN_OUT).until(() -> live.data("post").contains(own));
            assertThat(live.events().toString()).doesNotContain(secret);
        }
    }
}
