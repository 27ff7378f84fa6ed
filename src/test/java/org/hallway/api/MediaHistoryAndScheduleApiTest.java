package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.media.MediaTestImages;
import org.hallway.media.PurgeUnattachedMedia;
import org.hallway.scheduled.PublishScheduledPosts;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each version of an edited post carried, and scheduled posts that carry uploads. */
class MediaHistoryAndScheduleApiTest extends ApiTest {
    @Autowired
    PurgeUnattachedMedia purge;

    @Autowired
    PublishScheduledPosts publish;

    @Autowired
    Clock clock;

    @Test
    void editHistoryShowsWhatEachVersionHadAttached() {
        follow(bob, p.alice);
        var red = upload(alice, Color.RED, "A red square");
        var blue = upload(alice, Color.BLUE, null);
        var id = post(alice, Map.of("status", "A red one", "media_ids", List.of(red), "visibility", "private"));

        var swapped = alice.put(
                "/api/v1/statuses/" + id,
                Map.of(
                        "status",
                        "A blue one",
                        "media_ids",
                        List.of(blue),
                        "media_attributes",
                        List.of(Map.of("id", blue, "description", "A blue square"))));
        assertThat(swapped.status()).as("%s", swapped.body()).isEqualTo(200);
        assertThat(ids(swapped.body().get("media_attachments"))).containsExactly(blue);
        // Form-encoded, Rails style, as many apps send an edit: only the alt text changes.
        var described = alice.send(
                "PUT",
                "/api/v1/statuses/" + id,
                "application/x-www-form-urlencoded",
                "status=A+blue+one&media_ids%5B%5D=" + blue + "&media_attributes%5B%5D%5Bid%5D=" + blue
                        + "&media_attributes%5B%5D%5Bdescription%5D=Navy+really");
        assertThat(described.status()).as("%s", described.body()).isEqualTo(200);

        var history = bob.get("/api/v1/statuses/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        var versions = history.body();
        assertThat(versions).hasSize(3);
        for (var v : versions)
            assertThat(MastodonSchema.problems("StatusEdit", v)).isEmpty();
        assertThat(ids(versions.get(0).get("media_attachments"))).containsExactly(red);
        assertThat(versions.get(0)
                        .get("media_attachments")
                        .get(0)
                        .get("description")
                        .asString())
                .isEqualTo("A red square");
        assertThat(ids(versions.get(1).get("media_attachments"))).containsExactly(blue);
        assertThat(versions.get(1)
                        .get("media_attachments")
                        .get(0)
                        .get("description")
                        .asString())
                .isEqualTo("A blue square");
        assertThat(versions.get(2)
                        .get("media_attachments")
                        .get(0)
                        .get("description")
                        .asString())
                .isEqualTo("Navy really");

        // The dropped image still loads for a reader of the post, from its history.
        var oldUrl = versions.get(0).get("media_attachments").get(0).get("url").asString();
        var file = anonymous.getBytes(oldUrl, Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(MediaTestImages.read(file.body()).getRGB(10, 10)).isEqualTo(Color.RED.getRGB());
        // It is not among the post's attachments any more, nor free for another post, nor purged.
        assertThat(ids(bob.get("/api/v1/statuses/" + id).body().get("media_attachments")))
                .containsExactly(blue);
        assertThat(alice.post("/api/v1/statuses", Map.of("status", "Reused", "media_ids", List.of(red)))
                        .status())
                .isEqualTo(422);
        purge.purgeOlderThan(Duration.ZERO);
        assertThat(anonymous.getBytes(oldUrl, Map.of()).statusCode()).isEqualTo(200);
        // Putting it back makes it an attachment again.
        var back = alice.put("/api/v1/statuses/" + id, Map.of("status", "Both", "media_ids", List.of(red, blue)));
        assertThat(ids(back.body().get("media_attachments"))).containsExactly(red, blue);

        // Whoever may not see the post sees no history and no file.
        assertThat(eve.get("/api/v1/statuses/" + id + "/history").status()).isEqualTo(404);
        assertThat(eve.get("/api/v1/statuses/" + id + "/history").error()).isNotBlank();

        var never =
                post(alice, Map.of("status", "Never edited", "media_ids", List.of(upload(alice, Color.GREEN, null))));
        var single = bob.get("/api/v1/statuses/" + never + "/history").body();
        assertThat(single).hasSize(1);
        assertThat(single.get(0).get("media_attachments")).hasSize(1);
        assertThat(single.get(0).get("media_attachments").get(0).get("url").asString())
                .startsWith("http");
    }

    @Test
    void aScheduledPostHoldsItsUploadsAndPublishesWithThem() {
        var first = upload(tom, Color.RED, "Slide one");
        var second = upload(tom, Color.BLUE, null);
        var at = clock.instant().plus(Duration.ofHours(1)).toString();
        var created = tom.post(
                "/api/v1/statuses", Map.of("status", "", "scheduled_at", at, "media_ids", List.of(first, second)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(MastodonSchema.problems("ScheduledStatus", created.body())).isEmpty();
        assertThat(ids(created.body().get("media_attachments"))).containsExactly(first, second);
        assertThat(created.body().get("media_attachments").get(0).get("url").asString())
                .startsWith("http");
        assertThat(created.body().get("params").get("media_ids").toString()).contains(first, second);
        var scheduledId = created.body().get("id").asString();
        var shown = tom.get("/api/v1/scheduled_statuses/" + scheduledId).body();
        assertThat(ids(shown.get("media_attachments"))).containsExactly(first, second);

        // Held: not purged as unattached, not free for another post or another schedule.
        purge.purgeOlderThan(Duration.ZERO);
        assertThat(tom.get("/api/v1/media/" + first).status()).isEqualTo(200);
        assertThat(tom.post("/api/v1/statuses", Map.of("status", "Now", "media_ids", List.of(first)))
                        .status())
                .isEqualTo(422);
        assertThat(tom.post(
                                "/api/v1/statuses",
                                Map.of("status", "Later", "scheduled_at", at, "media_ids", List.of(second)))
                        .status())
                .isEqualTo(422);

        publish.handle(clock.instant().plus(Duration.ofHours(2)));

        assertThat(ids(tom.get("/api/v1/scheduled_statuses").body())).doesNotContain(scheduledId);
        var statuses = bob.get("/api/v1/accounts/" + p.tom.idString() + "/statuses?limit=5")
                .body();
        var published = statuses.get(0);
        assertThat(ids(published.get("media_attachments"))).containsExactly(first, second);
        assertThat(published.get("media_attachments").get(0).get("description").asString())
                .isEqualTo("Slide one");
        var url = published.get("media_attachments").get(1).get("url").asString();
        assertThat(anonymous.getBytes(url, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongUploadsScheduleNothingAndCancellingFreesThem() {
        var author = anonymous.as(p.add("sched_media", "Sam Media", "Engineer", "Engineering", "Berlin", null)
                .token());
        var at = clock.instant().plus(Duration.ofHours(1)).toString();
        var mine = upload(author, Color.RED, null);
        var bobs = upload(bob, Color.GREEN, null);

        var borrowed = author.post(
                "/api/v1/statuses", Map.of("status", "Borrowed", "scheduled_at", at, "media_ids", List.of(mine, bobs)));
        assertThat(borrowed.status()).isEqualTo(422);
        assertThat(borrowed.error()).contains(bobs);
        var unknown = author.post(
                "/api/v1/statuses", Map.of("status", "Unknown", "scheduled_at", at, "media_ids", List.of("42")));
        assertThat(unknown.status()).isEqualTo(422);
        var garbage = author.postRaw(
                "/api/v1/statuses",
                "application/x-www-form-urlencoded",
                "status=Garbage&scheduled_at=" + at + "&media_ids%5B%5D=nope");
        assertThat(garbage.status()).isEqualTo(422);
        var five = new ArrayList<String>();
        for (int i = 0; i < 5; i++) five.add(upload(author, Color.BLUE, null));
        assertThat(author.post("/api/v1/statuses", Map.of("status", "Five", "scheduled_at", at, "media_ids", five))
                        .status())
                .isEqualTo(422);
        // Nothing was stored: no scheduled post, and the uploads are free.
        assertThat(author.get("/api/v1/scheduled_statuses").body()).isEmpty();
        assertThat(bob.post("/api/v1/statuses", Map.of("status", "Mine", "media_ids", List.of(bobs)))
                        .status())
                .isEqualTo(200);

        var scheduled = author.post(
                "/api/v1/statuses", Map.of("status", "Maybe", "scheduled_at", at, "media_ids", List.of(mine)));
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(author.delete("/api/v1/scheduled_statuses/"
                                + scheduled.body().get("id").asString())
                        .status())
                .isEqualTo(200);
        // Cancelled: the upload is free for a post again (and for the purge).
        assertThat(author.post("/api/v1/statuses", Map.of("status", "Now then", "media_ids", List.of(mine)))
                        .status())
                .isEqualTo(200);
        var other = upload(author, Color.GRAY, null);
        var again = author.post(
                "/api/v1/statuses", Map.of("status", "Maybe", "scheduled_at", at, "media_ids", List.of(other)));
        author.delete("/api/v1/scheduled_statuses/" + again.body().get("id").asString());
        purge.purgeOlderThan(Duration.ZERO);
        assertThat(author.get("/api/v1/media/" + other).status()).isEqualTo(404);
    }

    private static String upload(Api api, Color color, String description) {
        var fields = description == null ? Map.<String, String>of() : Map.of("description", description);
        var response = api.multipartFile(
                "POST", "/api/v2/media", fields, "file", "upload.png", "image/png", MediaTestImages.png(12, 12, color));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().get("id").asString();
    }
}
