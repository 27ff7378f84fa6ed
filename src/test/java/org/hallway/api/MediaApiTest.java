package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hallway.media.MediaStore;
import org.hallway.media.MediaTestImages;
import org.hallway.media.MediaUrls;
import org.hallway.media.PurgeUnattachedMedia;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Uploading images as Mastodon apps do, attaching them to posts, and who may load the files. */
class MediaApiTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    MediaStore store;

    @Autowired
    MediaUrls urls;

    @Autowired
    PurgeUnattachedMedia purge;

    @Test
    void uploadAnswersMastodonsMediaAttachmentWithFilesAtItsUrls() {
        var uploaded = upload(alice, "/api/v2/media", MediaTestImages.png(800, 600, Color.RED), "Our new logo");
        assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(200);
        var media = uploaded.body();
        assertThat(MastodonSchema.problems("MediaAttachment", media)).isEmpty();
        assertThat(media.get("type").asString()).isEqualTo("image");
        assertThat(media.get("description").asString()).isEqualTo("Our new logo");
        assertThat(media.get("blurhash").asString()).hasSize(28);
        var original = media.get("meta").get("original");
        assertThat(original.get("width").asInt()).isEqualTo(800);
        assertThat(original.get("height").asInt()).isEqualTo(600);
        assertThat(original.get("size").asString()).isEqualTo("800x600");
        assertThat(original.get("aspect").asDouble())
                .isCloseTo(800 / 600.0, org.assertj.core.data.Offset.offset(0.001));
        var small = media.get("meta").get("small");
        assertThat(small.get("width").asInt() * small.get("height").asInt()).isLessThanOrEqualTo(230_400);

        // Apps load images without their token.
        var file = anonymous.getBytes(media.get("url").asString(), Map.of());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = MediaTestImages.read(file.body());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        var preview = anonymous.getBytes(media.get("preview_url").asString(), Map.of());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(MediaTestImages.read(preview.body()).getWidth())
                .isEqualTo(small.get("width").asInt());

        var legacy = upload(alice, "/api/v1/media", MediaTestImages.jpeg(40, 30, Color.GREEN), null);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body().get("url").asString()).endsWith(".jpg");
        assertThat(legacy.body().get("description").isNull()).isTrue();
        var gif = upload(alice, "/api/v2/media", MediaTestImages.gif(20, 10, Color.BLUE), null);
        assertThat(gif.status()).isEqualTo(200);
        assertThat(gif.body().get("type").asString()).isEqualTo("image");
    }

    @Test
    void onlyTheUploaderReadsAndDescribesAnUpload() {
        var media = uploaded(alice, MediaTestImages.png(50, 50, Color.RED));
        var id = media.get("id").asString();
        assertThat(alice.get("/api/v1/media/" + id).status()).isEqualTo(200);
        assertThat(bob.get("/api/v1/media/" + id).status()).isEqualTo(404);
        assertThat(bob.put("/api/v1/media/" + id, Map.of("description", "mine now"))
                        .status())
                .isEqualTo(404);
        assertThat(alice.get("/api/v1/media/123").status()).isEqualTo(404);

        var updated = alice.put("/api/v1/media/" + id, Map.of("description", "A red square", "focus", "0.5,-0.25"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("description").asString()).isEqualTo("A red square");
        assertThat(updated.body().get("meta").get("focus").get("x").asDouble()).isEqualTo(0.5);
        assertThat(updated.body().get("meta").get("focus").get("y").asDouble()).isEqualTo(-0.25);
        assertThat(alice.get("/api/v1/media/" + id).body().get("description").asString())
                .isEqualTo("A red square");
        assertThat(alice.put("/api/v1/media/" + id, Map.of("focus", "2,0")).status())
                .isEqualTo(422);

        // An unattached upload's file goes to its uploader only.
        assertThat(anonymous.getBytes(media.get("url").asString(), Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(fetch(urlFor(p.bob, id))).isEqualTo(404);
        var tampered = media.get("url")
                .asString()
                .replaceFirst("/media/(\\d+)/(\\d+)/[^/]+/", "/media/$1/$2/AAAAAAAAAAAAAAAAAAAAAA/");
        assertThat(fetch(tampered)).isEqualTo(404);
    }

    @Test
    void refusesWhatIsNotAnImageAndStoresNothing() {
        long before = uploadsOf(p.alice);
        var text = upload(alice, "/api/v2/media", "just text".getBytes(StandardCharsets.UTF_8), null);
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.error()).contains("not an image");
        var png = MediaTestImages.png(40, 40, Color.RED);
        var truncated = java.util.Arrays.copyOf(png, png.length / 2);
        assertThat(upload(alice, "/api/v2/media", truncated, null).status()).isEqualTo(422);
        var webp = new byte[64];
        System.arraycopy("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, webp, 0, 16);
        var refused = upload(alice, "/api/v2/media", webp, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("WebP");
        var empty = alice.postMultipart("/api/v2/media", Map.of("description", "no file"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.error()).isNotBlank();
        var badFocus = alice.multipartFile(
                "POST", "/api/v2/media", Map.of("focus", "left"), "file", "a.png", "image/png", png);
        assertThat(badFocus.status()).isEqualTo(422);
        var longText = upload(alice, "/api/v2/media", png, "x".repeat(1501));
        assertThat(longText.status()).isEqualTo(422);
        assertThat(uploadsOf(p.alice)).isEqualTo(before);
    }

    @Test
    void takesLargePhotosAndRefusesAFileOverTheSizeLimit() {
        var large = MediaTestImages.noisePng(1200, 1000);
        assertThat(large.length).isGreaterThan(3 * 1024 * 1024);
        assertThat(upload(bob, "/api/v2/media", large, null).status()).isEqualTo(200);

        long before = uploadsOf(p.bob);
        var padded = java.util.Arrays.copyOf(MediaTestImages.png(10, 10, Color.RED), 16 * 1024 * 1024 + 1);
        var tooLarge = upload(bob, "/api/v2/media", padded, null);
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.error()).contains("too large");
        // A request over the largest limit (video's) is refused before it is read.
        var overAll = upload(bob, "/api/v2/media", new byte[25 * 1024 * 1024], null);
        assertThat(overAll.status()).isEqualTo(413);
        assertThat(overAll.error()).contains("too large");
        assertThat(uploadsOf(p.bob)).isEqualTo(before);
    }

    @Test
    void stripsMetadataAndTurnsPhotosUpright() {
        var photo = MediaTestImages.jpegWithExif(300, 200, "GPS 48.8566 2.3522 Secret Street");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Secret Street");
        var media = uploaded(alice, photo);
        assertThat(media.get("meta").get("original").get("width").asInt()).isEqualTo(200);
        assertThat(media.get("meta").get("original").get("height").asInt()).isEqualTo(300);
        var stored = anonymous.getBytes(media.get("url").asString(), Map.of()).body();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("Secret Street")
                .doesNotContain("Exif");
        assertThat(MediaTestImages.read(stored).getWidth()).isEqualTo(200);
    }

    @Test
    void postsCarryTheirImagesInOrderAndMayHaveNoText() {
        var first = uploaded(alice, MediaTestImages.png(30, 20, Color.RED))
                .get("id")
                .asString();
        var second = uploaded(alice, MediaTestImages.png(20, 30, Color.BLUE))
                .get("id")
                .asString();
        var created = alice.post("/api/v1/statuses", Map.of("status", "", "media_ids", List.of(second, first)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(MastodonSchema.problems("Status", created.body())).isEmpty();
        assertThat(ids(created.body().get("media_attachments"))).containsExactly(second, first);

        var seen = bob.get("/api/v1/statuses/" + created.body().get("id").asString());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(MastodonSchema.problems("Status", seen.body())).isEmpty();
        var bobsUrl = seen.body().get("media_attachments").get(0).get("url").asString();
        assertThat(bobsUrl)
                .isNotEqualTo(created.body()
                        .get("media_attachments")
                        .get(0)
                        .get("url")
                        .asString());
        assertThat(fetch(bobsUrl)).isEqualTo(200);

        // Form-encoded, as many apps send it, with Rails brackets.
        var third = uploaded(alice, MediaTestImages.png(10, 10, Color.GREEN))
                .get("id")
                .asString();
        var form = alice.postRaw(
                "/api/v1/statuses", "application/x-www-form-urlencoded", "status=Look&media_ids%5B%5D=" + third);
        assertThat(form.status()).isEqualTo(200);
        assertThat(ids(form.body().get("media_attachments"))).containsExactly(third);
        var feed = bob.get("/api/v1/accounts/" + p.alice.idString() + "/statuses?limit=5")
                .body();
        assertThat(feed.get(0).get("media_attachments").get(0).get("id").asString())
                .isEqualTo(third);
        assertThat(feed.get(1).get("media_attachments")).hasSize(2);
    }

    @Test
    void attachesOnlyOwnUnattachedUploadsAtMostFour() {
        var bobs =
                uploaded(bob, MediaTestImages.png(10, 10, Color.RED)).get("id").asString();
        var others = alice.post("/api/v1/statuses", Map.of("status", "Borrowed", "media_ids", List.of(bobs)));
        assertThat(others.status()).isEqualTo(422);
        assertThat(others.error()).contains(bobs);
        assertThat(alice.post("/api/v1/statuses", Map.of("status", "Unknown", "media_ids", List.of("42")))
                        .status())
                .isEqualTo(422);

        var five = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++)
            five.add(uploaded(alice, MediaTestImages.png(10, 10, Color.RED))
                    .get("id")
                    .asString());
        var tooMany = alice.post("/api/v1/statuses", Map.of("status", "Five", "media_ids", five));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.error()).contains("at most 4");

        var used = alice.post("/api/v1/statuses", Map.of("status", "Four", "media_ids", five.subList(0, 4)));
        assertThat(used.status()).isEqualTo(200);
        var again = alice.post("/api/v1/statuses", Map.of("status", "Again", "media_ids", List.of(five.getFirst())));
        assertThat(again.status()).isEqualTo(422);
        // A refused post leaves the uploads free for the next attempt.
        assertThat(bob.post("/api/v1/statuses", Map.of("status", "Mine", "media_ids", List.of(bobs)))
                        .status())
                .isEqualTo(200);
        assertThat(alice.post("/api/v1/statuses", Map.of("status", "", "media_ids", List.of()))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void editingChangesImagesAndTheirDescriptions() {
        var a = uploaded(alice, MediaTestImages.png(10, 10, Color.RED))
                .get("id")
                .asString();
        var b = uploaded(alice, MediaTestImages.png(10, 10, Color.BLUE))
                .get("id")
                .asString();
        var id = post(alice, Map.of("status", "Two pictures", "media_ids", List.of(a, b)));

        var described = alice.put(
                "/api/v1/statuses/" + id,
                Map.of(
                        "status",
                        "Two pictures, described",
                        "media_ids",
                        List.of(a, b),
                        "media_attributes",
                        List.of(Map.of("id", a, "description", "The red one"))));
        assertThat(described.status()).as("%s", described.body()).isEqualTo(200);
        assertThat(described
                        .body()
                        .get("media_attachments")
                        .get(0)
                        .get("description")
                        .asString())
                .isEqualTo("The red one");

        var textOnly = alice.put("/api/v1/statuses/" + id, Map.of("status", "Text edit keeps the pictures"));
        assertThat(ids(textOnly.body().get("media_attachments"))).containsExactly(a, b);

        var c = uploaded(alice, MediaTestImages.png(10, 10, Color.GREEN))
                .get("id")
                .asString();
        var swapped = alice.put("/api/v1/statuses/" + id, Map.of("status", "", "media_ids", List.of(c, a)));
        assertThat(swapped.status()).isEqualTo(200);
        assertThat(ids(swapped.body().get("media_attachments"))).containsExactly(c, a);
        // The dropped one stays with the post, for its edit history (as Mastodon keeps it).
        assertThat(alice.post("/api/v1/statuses", Map.of("status", "Reused", "media_ids", List.of(b)))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void filesOfAFollowersOnlyPostGoOnlyToItsReaders() {
        var media = uploaded(tom, MediaTestImages.png(10, 10, Color.RED));
        var mediaId = media.get("id").asString();
        follow(bob, p.tom);
        var id =
                post(tom, Map.of("status", "For my followers", "visibility", "private", "media_ids", List.of(mediaId)));

        var bobsView = bob.get("/api/v1/statuses/" + id);
        assertThat(bobsView.status()).isEqualTo(200);
        var bobsUrl = bobsView.body().get("media_attachments").get(0).get("url").asString();
        assertThat(fetch(bobsUrl)).isEqualTo(200);
        assertThat(eve.get("/api/v1/statuses/" + id).status()).isEqualTo(404);
        assertThat(fetch(urlFor(p.eve, mediaId))).isEqualTo(404);

        // Access is checked at every request: a reader who stops following loses the file too.
        assertThat(bob.post("/api/v1/accounts/" + p.tom.idString() + "/unfollow")
                        .status())
                .isEqualTo(200);
        assertThat(fetch(bobsUrl)).isEqualTo(404);

        // A deleted post's files are gone for everyone, its author included.
        assertThat(tom.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
        assertThat(fetch(urlFor(p.tom, mediaId))).isEqualTo(404);
    }

    @Test
    void filesOfAGroupPostGoOnlyToTheGroup() {
        var group = alice.post("/api/v1/groups", Map.of("name", "Launch room", "privacy", "secret"));
        var groupId = group.body().get("id").asString();
        assertThat(alice.post(
                                "/api/v1/groups/" + groupId + "/members",
                                Map.of("account_ids", List.of(p.bob.idString())))
                        .status())
                .isEqualTo(200);
        var mediaId = uploaded(alice, MediaTestImages.png(10, 10, Color.RED))
                .get("id")
                .asString();
        var id = post(alice, Map.of("status", "Launch slide", "group_id", groupId, "media_ids", List.of(mediaId)));

        var bobsUrl = bob.get("/api/v1/statuses/" + id)
                .body()
                .get("media_attachments")
                .get(0)
                .get("url")
                .asString();
        assertThat(fetch(bobsUrl)).isEqualTo(200);
        assertThat(fetch(urlFor(p.tom, mediaId))).isEqualTo(404);
        assertThat(fetch(urlFor(p.gus, mediaId))).isEqualTo(404);
    }

    @Test
    void instanceReportsTheLimits() {
        var config = alice.get("/api/v2/instance").body().get("configuration");
        assertThat(config.get("statuses").get("max_media_attachments").asInt()).isEqualTo(4);
        var media = config.get("media_attachments");
        assertThat(media.get("image_size_limit").asLong()).isEqualTo(16L * 1024 * 1024);
        assertThat(media.get("image_matrix_limit").asLong()).isEqualTo(33_177_600L);
        assertThat(media.get("supported_mime_types").toString()).contains("image/jpeg", "image/png", "image/gif");
    }

    @Test
    void unattachedUploadsAreRemovedAfterADay() {
        var kept =
                uploaded(eve, MediaTestImages.png(10, 10, Color.RED)).get("id").asString();
        post(eve, Map.of("status", "Kept", "media_ids", List.of(kept)));
        var abandoned = uploaded(eve, MediaTestImages.png(10, 10, Color.BLUE));
        assertThat(purge.purgeOlderThan(Duration.ofDays(1))).isZero();

        assertThat(purge.purgeOlderThan(Duration.ZERO)).isPositive();
        assertThat(eve.get("/api/v1/media/" + abandoned.get("id").asString()).status())
                .isEqualTo(404);
        assertThat(fetch(abandoned.get("url").asString())).isEqualTo(404);
        assertThat(eve.get("/api/v1/media/" + kept).status()).isEqualTo(200);
        assertThat(fetch(urlFor(p.eve, kept))).isEqualTo(200);
    }

    private Api.Response upload(Api api, String path, byte[] bytes, String description) {
        var fields = description == null ? Map.<String, String>of() : Map.of("description", description);
        return api.multipartFile("POST", path, fields, "file", "upload.bin", "application/octet-stream", bytes);
    }

    private JsonNode uploaded(Api api, byte[] bytes) {
        var response = upload(api, "/api/v2/media", bytes, null);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    private int fetch(String url) {
        return anonymous.getBytes(url, Map.of()).statusCode();
    }

    /** The path Hallway would give this reader for the upload (readers who can't see it get none). */
    private String urlFor(Personas.Persona reader, String mediaId) {
        var media = store.find(p.networkId, Long.parseLong(mediaId)).orElseThrow();
        return baseUrl() + urls.original(reader.viewer(), media);
    }

    private long uploadsOf(Personas.Persona persona) {
        return jdbc.sql("select count(*) from media_attachments where account_id = ?")
                .param(persona.account().id())
                .query(Long.class)
                .single();
    }
}
