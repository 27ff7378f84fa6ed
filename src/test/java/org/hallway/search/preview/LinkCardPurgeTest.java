package org.hallway.search.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.hallway.search.LinkPreviews;
import org.hallway.search.PurgeLinkCards;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pictures of link cards are removed once no card names them: a card goes when no live post links to
 * it any more and nobody shared it for a while, a refreshed card's old picture goes, and a picture
 * whose card is being created at that moment, or whose link is being shared, stays.
 */
class LinkCardPurgeTest extends ApiTest {
    @Autowired
    ApplicationContext context;

    @Autowired
    PurgeLinkCards purge;

    @Autowired
    LinkPreviews configured;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${hallway.data-dir}")
    Path dataDir;

    HttpServer server;
    final AtomicReference<Color> color = new AtomicReference<>(Color.ORANGE);

    @BeforeAll
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var html = ("<html><head><meta property=\"og:title\" content=\"Team offsite\">"
                        + "<meta property=\"og:image\" content=\"/offsite.png\"></head></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            var png = exchange.getRequestURI().getPath().endsWith(".png");
            var body = png ? png(color.get()) : html;
            exchange.getResponseHeaders().add("Content-Type", png ? "image/png" : "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void removesThePictureOnceNoLivePostLinksToTheCard() {
        var link = "http://purge-one.example.com/offsite";
        var first = post(alice, "Photos: " + link);
        var second = post(bob, "Same photos " + link);
        var picture = learnAndAwaitCard(first, link);
        await().atMost(FAN_OUT).until(() -> !card(second).isNull());

        alice.delete("/api/v1/statuses/" + first);
        purge.purgeOlderThan(Duration.ZERO);
        assertThat(served(picture)).as("another post still links to it").isEqualTo(200);
        assertThat(card(second).get("image").asString()).endsWith(picture);

        bob.delete("/api/v1/statuses/" + second);
        purge.purgeOlderThan(Duration.ZERO);
        assertThat(served(picture)).isEqualTo(404);
        assertThat(Files.exists(file(picture))).isFalse();
        assertThat(configured.preview(p.networkId, link).title()).isEqualTo("purge-one.example.com");
    }

    @Test
    void keepsACardSharedRecentlyAndItsPicture() {
        var link = "http://purge-recent.example.com/offsite";
        var id = post(alice, "Photos: " + link);
        var picture = learnAndAwaitCard(id, link);
        alice.delete("/api/v1/statuses/" + id);

        purge.purgeOlderThan(Duration.ofHours(1));
        assertThat(served(picture)).isEqualTo(200);
        assertThat(configured.preview(p.networkId, link).title()).isEqualTo("Team offsite");
    }

    @Test
    void removesThePictureAFetchAgainReplaced() {
        var link = "http://purge-refresh.example.com/offsite";
        var id = post(alice, "Photos: " + link);
        var old = learnAndAwaitCard(id, link);

        // Shared again within the refresh time: nothing is fetched again.
        previews().learn(p.networkId, List.of(link));
        assertThat(card(id).get("image").asString()).endsWith(old);

        // Shared again after it: the page is read again, and its new picture replaces the old one.
        jdbc.sql("update link_cards set fetched_at = fetched_at - interval '15 days' where url = ?")
                .param(link)
                .update();
        color.set(Color.BLUE);
        post(bob, "Again " + link);
        previews().learn(p.networkId, List.of(link));
        var renewed = path(card(id).get("image").asString());
        assertThat(renewed).isNotEqualTo(old);

        purge.purgeOlderThan(Duration.ZERO);
        assertThat(served(old)).isEqualTo(404);
        assertThat(served(renewed)).isEqualTo(200);
    }

    @Test
    void leavesAPictureWhoseCardIsBeingCreatedAndRemovesOneLeftBehindLongAgo() throws IOException {
        // A fetch writes the picture, then stores its card: a young picture without a card is kept.
        var young = "/link-images/" + LinkImages.newToken() + ".png";
        var leftBehind = "/link-images/" + LinkImages.newToken() + ".jpg";
        Files.createDirectories(file(young).getParent());
        Files.write(file(young), png(Color.RED));
        Files.write(file(leftBehind), png(Color.RED));
        Files.setLastModifiedTime(file(leftBehind), FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        purge.purgeOlderThan(Duration.ofDays(1));
        assertThat(served(young)).isEqualTo(200);
        assertThat(served(leftBehind)).isEqualTo(404);
    }

    @Test
    void keepsACardWhoseLinkIsSharedWhileThePurgeDecides() {
        var link = "http://purge-race.example.com/offsite";
        var id = post(alice, "Photos: " + link);
        var picture = learnAndAwaitCard(id, link);
        alice.delete("/api/v1/statuses/" + id);
        jdbc.sql("update link_cards set last_shared_at = last_shared_at - interval '2 days' where url = ?")
                .param(link)
                .update();

        // A new post shares the link: its card is marked shared, in a transaction still open while the
        // purge, which read the card as unused, reaches it.
        var purged = new AtomicReference<CompletableFuture<PurgeLinkCards.Purged>>();
        transactions.executeWithoutResult(status -> {
            configured.learn(p.networkId, List.of(link));
            purged.set(CompletableFuture.supplyAsync(() -> purge.purgeOlderThan(Duration.ofHours(1))));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("select count(*) from pg_locks where not granted")
                                    .query(Integer.class)
                                    .single()
                            > 0);
        });
        purged.get().join();
        assertThat(configured.preview(p.networkId, link).title()).isEqualTo("Team offsite");
        assertThat(served(picture)).isEqualTo(200);
    }

    private LinkPreviews previews() {
        return LinkPreviewsForTests.fetching(context, true, server.getAddress());
    }

    /** Fetches the link's card and waits until the post shows it; returns its picture's path. */
    private String learnAndAwaitCard(String postId, String link) {
        previews().learn(p.networkId, List.of(link));
        await().atMost(FAN_OUT).until(() -> !card(postId).isNull());
        var picture = path(card(postId).get("image").asString());
        assertThat(served(picture)).isEqualTo(200);
        return picture;
    }

    private tools.jackson.databind.JsonNode card(String postId) {
        return alice.get("/api/v1/statuses/" + postId).body().get("card");
    }

    private static String path(String url) {
        return url.replaceFirst("^https?://[^/]+", "");
    }

    private int served(String path) {
        return anonymous.getBytes(path, Map.of()).statusCode();
    }

    private Path file(String path) {
        return dataDir.toAbsolutePath().resolve(path.substring(1));
    }

    private static byte[] png(Color color) {
        var image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
