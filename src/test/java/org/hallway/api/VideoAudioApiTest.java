package org.hallway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hallway.media.Media;
import org.hallway.media.MediaFiles;
import org.hallway.media.MediaStore;
import org.hallway.media.MediaTestClips;
import org.hallway.media.ProcessMedia;
import org.hallway.shared.Ids;
import org.hallway.testing.Api;
import org.hallway.testing.ApiTest;
import org.hallway.testing.MastodonSchema;
import org.hallway.testing.Personas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Video, audio and animated GIFs: processed in the background, polled by apps, played with range requests. */
class VideoAudioApiTest extends ApiTest {
    private static final Duration PROCESSING = Duration.ofSeconds(90);

    @Autowired
    MediaStore store;

    @Autowired
    MediaFiles files;

    @Autowired
    ProcessMedia process;

    @Autowired
    Ids ids;

    @Test
    void aVideoIsAcceptedAtOnceAndReadyAfterProcessingWithMetaPreviewAndNoMetadata() {
        var clip = MediaTestClips.video("mp4");
        assertThat(new String(clip, StandardCharsets.ISO_8859_1)).contains("Secret Title");
        var accepted = upload(alice, clip, "A short demo");
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        assertThat(accepted.body().get("type").asString()).isEqualTo("video");
        assertThat(accepted.body().get("url").isNull()).isTrue();
        assertThat(accepted.body().get("preview_url").isNull()).isTrue();
        assertThat(MastodonSchema.problems("MediaAttachment", accepted.body())).isEmpty();

        var media = ready(alice, accepted.body().get("id").asString());
        assertThat(MastodonSchema.problems("MediaAttachment", media)).isEmpty();
        assertThat(media.get("type").asString()).isEqualTo("video");
        assertThat(media.get("description").asString()).isEqualTo("A short demo");
        assertThat(media.get("url").asString()).endsWith("/original.mp4");
        assertThat(media.get("preview_url").asString()).endsWith("/small.jpg");
        assertThat(media.get("blurhash").asString()).hasSize(28);
        var meta = media.get("meta");
        assertThat(meta.get("original").get("width").asInt()).isEqualTo(320);
        assertThat(meta.get("original").get("height").asInt()).isEqualTo(240);
        assertThat(meta.get("original").get("frame_rate").asString()).isEqualTo("25/1");
        assertThat(meta.get("original").get("duration").asDouble()).isBetween(1.9, 2.2);
        assertThat(meta.get("original").get("bitrate").asLong()).isPositive();
        assertThat(meta.get("fps").asInt()).isEqualTo(25);
        assertThat(meta.get("length").asString()).startsWith("0:00:02");
        assertThat(meta.get("aspect").asDouble()).isEqualTo(320 / 240.0);
        assertThat(meta.get("small").get("width").asInt()).isEqualTo(320);

        var video = anonymous.getBytes(media.get("url").asString(), Map.of());
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(MediaTestClips.streams(video.body())).isEqualTo("video,audio");
        assertThat(new String(video.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Secret Title");
        var preview = anonymous.getBytes(media.get("preview_url").asString(), Map.of());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void webmAndMovBecomeMp4() {
        for (var container : List.of("webm", "mov")) {
            var accepted = upload(bob, MediaTestClips.video(container), null);
            assertThat(accepted.status())
                    .as("%s %s", container, accepted.body())
                    .isEqualTo(202);
            var media = ready(bob, accepted.body().get("id").asString());
            assertThat(media.get("type").asString()).isEqualTo("video");
            assertThat(media.get("url").asString()).endsWith(".mp4");
            assertThat(media.get("meta").get("original").get("width").asInt()).isEqualTo(320);
        }
    }

    @Test
    void anAnimatedGifBecomesASilentLoopingVideo() {
        var accepted = upload(tom, MediaTestClips.animatedGif(), null);
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        assertThat(accepted.body().get("type").asString()).isEqualTo("gifv");
        var media = ready(tom, accepted.body().get("id").asString());
        assertThat(media.get("type").asString()).isEqualTo("gifv");
        assertThat(media.get("url").asString()).endsWith(".mp4");
        assertThat(media.get("meta").get("original").get("width").asInt()).isEqualTo(64);
        var file = anonymous.getBytes(media.get("url").asString(), Map.of());
        assertThat(MediaTestClips.streams(file.body())).isEqualTo("video");
    }

    @Test
    void audioBecomesMp3WithoutPreviewOrTags() {
        for (var container : List.of("wav", "ogg", "mp3", "m4a")) {
            var clip = MediaTestClips.audio(container);
            var accepted = upload(alice, clip, "A tone");
            assertThat(accepted.status())
                    .as("%s %s", container, accepted.body())
                    .isEqualTo(202);
            assertThat(accepted.body().get("type").asString()).isEqualTo("audio");
            var media = ready(alice, accepted.body().get("id").asString());
            assertThat(MastodonSchema.problems("MediaAttachment", media)).isEmpty();
            assertThat(media.get("url").asString()).endsWith("/original.mp3");
            assertThat(media.get("preview_url").isNull()).isTrue();
            assertThat(media.get("meta").get("original").get("duration").asDouble())
                    .as(container)
                    .isBetween(1.4, 1.7);
            var file = anonymous.getBytes(media.get("url").asString(), Map.of());
            assertThat(file.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
            assertThat(MediaTestClips.streams(file.body())).isEqualTo("audio");
            assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Secret Artist");
        }
    }

    @Test
    void aPostedVideoPlaysInRangesForItsReadersOnly() {
        var id = ready(
                        alice,
                        upload(alice, MediaTestClips.video("mp4"), null)
                                .body()
                                .get("id")
                                .asString())
                .get("id")
                .asString();
        assertThat(bob.post("/api/v1/accounts/" + p.alice.idString() + "/follow")
                        .status())
                .isEqualTo(200);
        var created = alice.post(
                "/api/v1/statuses",
                Map.of("status", "Demo for followers", "visibility", "private", "media_ids", List.of(id)));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        var statusId = created.body().get("id").asString();

        var seen = bob.get("/api/v1/statuses/" + statusId)
                .body()
                .get("media_attachments")
                .get(0);
        assertThat(seen.get("type").asString()).isEqualTo("video");
        var url = seen.get("url").asString();
        var whole = anonymous.getBytes(url, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        var part = anonymous.getBytes(url, Map.of("Range", "bytes=100-199"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 200));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + whole.body().length);
        var tail = anonymous.getBytes(url, Map.of("Range", "bytes=-10"));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).hasSize(10);

        assertThat(eve.get("/api/v1/statuses/" + statusId).status()).isEqualTo(404);
        var evesUrl = url.replaceFirst("/media/(\\d+)/\\d+/", "/media/$1/" + p.eve.idString() + "/");
        assertThat(anonymous.getBytes(evesUrl, Map.of("Range", "bytes=0-9")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUploadStillProcessingAnswers206AndCantBeAttachedUntilItIsTakenUpAgain() {
        // As if Hallway had stopped while converting: the row says processing, the uploaded file waits.
        var pending = pending(p.bob, MediaTestClips.video("mp4"), "video");
        var id = Long.toString(pending.id());
        var polled = bob.get("/api/v1/media/" + id);
        assertThat(polled.status()).isEqualTo(206);
        assertThat(polled.body().get("url").isNull()).isTrue();
        var refused = bob.post("/api/v1/statuses", Map.of("status", "Too soon", "media_ids", List.of(id)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error())
                .isEqualTo("Cannot attach files that have not finished processing. Try again in a moment!");
        assertThat(eve.get("/api/v1/media/" + id).status()).isEqualTo(404);

        process.resumePending();
        var media = ready(bob, id);
        assertThat(media.get("url").asString()).endsWith(".mp4");
        assertThat(bob.post("/api/v1/statuses", Map.of("status", "Now", "media_ids", List.of(id)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aFileThatCantBeConvertedFailsClearlyAndLeavesNoFiles() {
        var broken = pending(p.tom, "not a video at all".getBytes(StandardCharsets.UTF_8), "video");
        var id = Long.toString(broken.id());
        process.resumePending();
        await().atMost(PROCESSING).until(() -> tom.get("/api/v1/media/" + id).status() != 206);
        var failed = tom.get("/api/v1/media/" + id);
        assertThat(failed.status()).isEqualTo(422);
        assertThat(failed.error()).contains("could not be converted");
        assertThat(files.find(broken.id(), MediaFiles.UPLOAD)).isEmpty();
        assertThat(files.find(broken.id(), "original.mp4")).isEmpty();
        var refused = tom.post("/api/v1/statuses", Map.of("status", "Broken", "media_ids", List.of(id)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("could not be processed");
    }

    @Test
    void refusesWhatIsNeitherImageVideoNorAudioAndStoresNothing() {
        long before = uploadsOf(p.eve);
        var text = upload(eve, "hello, just some text that is long enough".getBytes(StandardCharsets.UTF_8), null);
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.error()).contains("not an image, video or audio");
        var clip = MediaTestClips.video("mp4");
        var truncated = java.util.Arrays.copyOf(clip, 40);
        var cut = upload(eve, truncated, null);
        assertThat(cut.status()).isEqualTo(422);
        assertThat(cut.error()).isNotBlank();
        assertThat(uploadsOf(p.eve)).isEqualTo(before);
    }

    @Test
    void instanceReportsVideoAndAudioLimits() {
        var media = alice.get("/api/v2/instance").body().get("configuration").get("media_attachments");
        assertThat(media.get("supported_mime_types").toString())
                .contains("video/mp4", "video/webm", "video/quicktime", "audio/mpeg", "audio/ogg", "audio/wav");
        assertThat(media.get("video_size_limit").asLong()).isEqualTo(24L * 1024 * 1024);
        assertThat(media.get("video_frame_rate_limit").asInt()).isEqualTo(120);
        assertThat(media.get("video_matrix_limit").asLong()).isEqualTo(8_294_400L);
        var v1 = alice.get("/api/v1/instance").body().get("configuration").get("media_attachments");
        assertThat(v1.get("video_size_limit").asLong()).isEqualTo(24L * 1024 * 1024);
    }

    private Api.Response upload(Api api, byte[] bytes, String description) {
        var fields = description == null ? Map.<String, String>of() : Map.of("description", description);
        return api.multipartFile(
                "POST", "/api/v2/media", fields, "file", "clip.bin", "application/octet-stream", bytes);
    }

    /** Polls as apps do until the upload is processed. */
    private JsonNode ready(Api api, String id) {
        await().atMost(PROCESSING).until(() -> api.get("/api/v1/media/" + id).status() != 206);
        var response = api.get("/api/v1/media/" + id);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** An upload stored as processing and not yet queued, as a restart leaves it. */
    private Media pending(Personas.Persona owner, byte[] bytes, String type) {
        var media = new Media(
                ids.next(),
                p.networkId,
                owner.account().id(),
                null,
                0,
                type,
                "video/mp4",
                null,
                0,
                0,
                320,
                240,
                bytes.length,
                0,
                0,
                0,
                null,
                Instant.now(),
                Media.PROCESSING,
                null,
                null,
                null,
                null,
                null);
        files.write(media.id(), MediaFiles.UPLOAD, bytes);
        store.insert(media);
        return media;
    }

    private long uploadsOf(Personas.Persona persona) {
        return store.unattachedBefore(Instant.now().plusSeconds(60), 10_000).stream()
                .filter(m -> m.accountId() == persona.account().id())
                .count();
    }
}
