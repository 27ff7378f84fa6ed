package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hallway.scheduled.PublishScheduledPosts;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scheduled statuses over Mastodon's API: scheduling, listing, moving, cancelling, publishing once. */
class ScheduledStatusesApiTest extends ApiTest {
    @Autowired
    PublishScheduledPosts publish;

    @Autowired
    Clock clock;

    private String in(Duration d) {
        return clock.instant().plus(d).toString();
    }

    @Test
    void schedulingAnswersAScheduledStatusAndPostsNothingYet() {
        var author = colleague("sched1");
        var before = statusesCount(author);
        var at = in(Duration.ofHours(1));
        var created = author.post(
                "/api/v1/statuses",
                Map.of("status", "Release notes at noon", "scheduled_at", at, "visibility", "unlisted"));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        var scheduled = created.body();
        assertThat(MastodonSchema.problems("ScheduledStatus", scheduled)).isEmpty();
        assertThat(Instant.parse(scheduled.get("scheduled_at").asString()))
                .isEqualTo(Instant.parse(at).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(scheduled.get("params").get("text").asString()).isEqualTo("Release notes at noon");
        assertThat(scheduled.get("params").get("visibility").asString()).isEqualTo("unlisted");
        assertThat(statusesCount(author)).isEqualTo(before);

        var id = scheduled.get("id").asString();
        var list = author.get("/api/v1/scheduled_statuses");
        assertThat(ids(list.body())).containsExactly(id);
        assertThat(author.get("/api/v1/scheduled_statuses/" + id)
                        .body()
                        .get("id")
                        .asString())
                .isEqualTo(id);

        // Only the author knows it exists.
        assertThat(bob.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(bob.put("/api/v1/scheduled_statuses/" + id, Map.of("scheduled_at", in(Duration.ofHours(2))))
                        .status())
                .isEqualTo(404);
        assertThat(bob.delete("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
        assertThat(ids(bob.get("/api/v1/scheduled_statuses").body())).doesNotContain(id);

        var later = in(Duration.ofHours(3));
        var moved = author.put("/api/v1/scheduled_statuses/" + id, Map.of("scheduled_at", later));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(Instant.parse(moved.body().get("scheduled_at").asString()))
                .isEqualTo(Instant.parse(later).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        var tooSoon = author.put("/api/v1/scheduled_statuses/" + id, Map.of("scheduled_at", in(Duration.ofMinutes(1))));
        assertThat(tooSoon.status()).isEqualTo(422);

        var deleted = author.delete("/api/v1/scheduled_statuses/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().isObject()).isTrue();
        assertThat(author.get("/api/v1/scheduled_statuses/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesBadSchedulesAndStoresNothing() {
        var author = colleague("sched2");
        var soon = author.post(
                "/api/v1/statuses", Map.of("status", "Too soon", "scheduled_at", in(Duration.ofMinutes(2))));
        assertThat(soon.status()).isEqualTo(422);
        assertThat(soon.error()).isEqualTo("scheduled_at must be at least 5 minutes in the future");
        var garbage = author.post("/api/v1/statuses", Map.of("status", "When?", "scheduled_at", "tomorrow"));
        assertThat(garbage.status()).isEqualTo(422);
        var blank = author.post("/api/v1/statuses", Map.of("status", " ", "scheduled_at", in(Duration.ofHours(1))));
        assertThat(blank.status()).isEqualTo(422);
        var badPoll = author.post(
                "/api/v1/statuses",
                Map.of(
                        "status",
                        "Poll later",
                        "scheduled_at",
                        in(Duration.ofHours(1)),
                        "poll",
                        Map.of("options", List.of("Only one"), "expires_in", 3600)));
        assertThat(badPoll.status()).isEqualTo(422);
        assertThat(badPoll.error()).isEqualTo("A poll needs at least 2 options");
        assertThat(author.get("/api/v1/scheduled_statuses").body()).isEmpty();
    }

    @Test
    void aDueStatusIsPublishedThroughTheUsualPathWithItsPoll() {
        var author = colleague("sched3");
        var created = author.post(
                "/api/v1/statuses",
                Map.of(
                        "status",
                        "Vote before Friday, @bob",
                        "scheduled_at",
                        in(Duration.ofMinutes(10)),
                        "poll",
                        Map.of("options", List.of("Yes", "No"), "expires_in", 86400)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(created.body()
                        .get("params")
                        .get("poll")
                        .get("options")
                        .get(1)
                        .asString())
                .isEqualTo("No");

        publish.handle(clock.instant().plus(Duration.ofMinutes(11)));

        assertThat(author.get("/api/v1/scheduled_statuses").body()).isEmpty();
        var statuses = author.get("/api/v1/accounts/" + author.id + "/statuses").body();
        assertThat(statuses).hasSize(1);
        var status = statuses.get(0);
        assertThat(status.get("content").asString()).contains("Vote before Friday");
        assertThat(status.get("poll").get("options").get(0).get("title").asString())
                .isEqualTo("Yes");
        // Notifications react as to any post.
        var statusId = status.get("id").asString();
        await().atMost(FAN_OUT).until(() -> bob.get("/api/v1/notifications?types[]=mention")
                .body()
                .toString()
                .contains("\"id\":\"" + statusId + "\""));
    }

    @Test
    void twoPublishersRunningAtOncePublishEachStatusOnce() throws Exception {
        var author = colleague("sched4");
        for (int i = 1; i <= 6; i++) {
            var created = author.post(
                    "/api/v1/statuses", Map.of("status", "Scheduled " + i, "scheduled_at", in(Duration.ofMinutes(6))));
            assertThat(created.status()).isEqualTo(200);
        }
        var now = clock.instant().plus(Duration.ofMinutes(7));
        Callable<Integer> run = () -> publish.handle(now);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(run);
            var b = pool.submit(run);
            a.get();
            b.get();
        }
        var texts = new ArrayList<String>();
        for (var s : author.get("/api/v1/accounts/" + author.id + "/statuses?limit=40")
                .body()) texts.add(s.get("content").asString());
        assertThat(texts).hasSize(6);
        for (int i = 1; i <= 6; i++) {
            int n = i;
            assertThat(texts.stream().filter(t -> t.contains("Scheduled " + n + "<")))
                    .hasSize(1);
        }
        assertThat(author.get("/api/v1/scheduled_statuses").body()).isEmpty();
    }

    private record Colleague(Api api, String id) {
        Api.Response post(String path, Object body) {
            return api.post(path, body);
        }

        Api.Response get(String path) {
            return api.get(path);
        }

        Api.Response put(String path, Object body) {
            return api.put(path, body);
        }

        Api.Response delete(String path) {
            return api.delete(path);
        }
    }

    private Colleague colleague(String username) {
        var persona = p.add(username, username, "Engineer", "Engineering", "Berlin", null);
        return new Colleague(anonymous.as(persona.token()), persona.idString());
    }

    private static int statusesCount(Colleague c) {
        return c.get("/api/v1/accounts/" + c.id()).body().get("statuses_count").asInt();
    }
}
