package org.hallway.search.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.hallway.search.LinkPreviews;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Link cards: the running server fetches nothing (previews are off by default) and shows the domain;
 * with previews on, the page's own title, description and picture (scaled down, with its blurhash),
 * fetched once, from a local web server; a picture too large or not a picture leaves the card without
 * one; and no private address is asked unless that is allowed.
 */
class HttpLinkPreviewsTest extends ApiTest {
    @Autowired
    ApplicationContext context;

    @Autowired
    LinkPreviews configured;

    HttpServer server;
    final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        hits.set(0);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page(
                "/article",
                "<title>Fallback title</title>\n"
                        + "<meta property=\"og:title\" content=\"Q3 results &amp; outlook\">\n"
                        + "<meta name=\"description\" content=\"Plain description\">\n"
                        + "<meta content=\"What the quarter brought\" property=\"og:description\">");
        page(
                "/offsite",
                "<meta property=\"og:title\" content=\"Team offsite\">\n"
                        + "<meta property=\"og:image\" content=\"/pictures/offsite.png\">\n"
                        + "<meta property=\"og:image:alt\" content=\"The team &amp; a lake\">");
        page(
                "/tweetish",
                "<title>Only a Twitter card</title>\n" + "<meta name=\"twitter:image\" content=\""
                        + url("/pictures/small.jpg") + "\">");
        page(
                "/huge-picture",
                "<meta property=\"og:title\" content=\"Huge\">"
                        + "<meta property=\"og:image\" content=\"/pictures/huge.png\">");
        page(
                "/page-as-picture",
                "<meta property=\"og:title\" content=\"Page as picture\">"
                        + "<meta property=\"og:image\" content=\"/article\">");
        page(
                "/fake-picture",
                "<meta property=\"og:title\" content=\"Fake picture\">"
                        + "<meta property=\"og:image\" content=\"/pictures/fake.png\">");
        page(
                "/missing-picture",
                "<meta property=\"og:title\" content=\"Missing picture\">"
                        + "<meta property=\"og:image\" content=\"/pictures/none.png\">");
        serve("/pictures/offsite.png", "image/png", image(1200, 630, "png"));
        serve("/pictures/small.jpg", "image/jpeg", image(300, 200, "jpg"));
        serve("/pictures/huge.png", "image/png", new byte[HttpLinkPreviews.MAX_IMAGE_BYTES + 1]);
        serve("/pictures/fake.png", "image/png", "not a picture at all".getBytes(StandardCharsets.UTF_8));
        serve("/file", "application/pdf", new byte[] {1, 2, 3});
        server.createContext("/pictures/none.png", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesNothingByDefaultAndShowsTheDomain() {
        configured.learn(p.networkId, List.of(url("/article")));
        assertThat(hits.get()).isZero();
        assertThat(configured.preview(p.networkId, url("/article")))
                .isEqualTo(new LinkPreviews.Preview("127.0.0.1", ""));
    }

    @Test
    void fetchesThePagesTitleAndDescriptionOnceWhenPreviewsAreOn() {
        var previews = LinkPreviewsForTests.fetching(context, true);
        previews.learn(p.networkId, List.of(url("/article"), url("/file"), "http://127.0.0.1:1/refused"));
        previews.learn(p.networkId, List.of(url("/article")));
        assertThat(hits.get()).isEqualTo(2);
        assertThat(previews.preview(p.networkId, url("/article")))
                .isEqualTo(new LinkPreviews.Preview("Q3 results & outlook", "What the quarter brought"));
        // Not a page, or nothing answering: the domain, as without previews.
        assertThat(previews.preview(p.networkId, url("/file")).title()).isEqualTo("127.0.0.1");
        assertThat(previews.preview(p.networkId, "http://127.0.0.1:1/refused").title())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void keepsThePagesPictureScaledDownWithItsBlurhashAndServesIt() throws IOException {
        var previews = LinkPreviewsForTests.fetching(context, true);
        previews.learn(p.networkId, List.of(url("/offsite"), url("/tweetish")));

        var offsite = previews.preview(p.networkId, url("/offsite"));
        assertThat(offsite.title()).isEqualTo("Team offsite");
        var image = offsite.image();
        assertThat(image).isNotNull();
        // 1200×630 scaled down to a preview's 640×360 worth of pixels, its aspect kept.
        assertThat((long) image.width() * image.height()).isLessThanOrEqualTo(230_400L);
        assertThat(image.width() / (double) image.height())
                .isCloseTo(1200 / 630.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(image.blurhash()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(image.description()).isEqualTo("The team & a lake");
        assertThat(image.path()).matches("/link-images/[0-9a-f]{32}\\.png");

        // Served to any reader holding the address (apps load pictures without a token), as it was stored.
        var served = anonymous.getBytes(image.path(), Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        var decoded = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(decoded.getWidth()).isEqualTo(image.width());
        assertThat(decoded.getHeight()).isEqualTo(image.height());
        assertThat(anonymous
                        .getBytes("/link-images/" + "0".repeat(32) + ".png", Map.of())
                        .statusCode())
                .isEqualTo(404);

        // twitter:image when there is no og:image; a small picture is kept at its size.
        var tweetish = previews.preview(p.networkId, url("/tweetish")).image();
        assertThat(tweetish).isNotNull();
        assertThat(tweetish.path()).endsWith(".jpg");
        assertThat(tweetish.width()).isEqualTo(300);
        assertThat(tweetish.height()).isEqualTo(200);
        assertThat(tweetish.description()).isEmpty();
    }

    @Test
    void aPictureTooLargeNotAPictureOrMissingLeavesTheCardWithoutOne() {
        var previews = LinkPreviewsForTests.fetching(context, true);
        var pages =
                List.of(url("/huge-picture"), url("/page-as-picture"), url("/fake-picture"), url("/missing-picture"));
        previews.learn(p.networkId, pages);
        // Each page and its picture were asked for.
        assertThat(hits.get()).isEqualTo(8);
        for (var page : pages) {
            var card = previews.preview(p.networkId, page);
            assertThat(card.title()).as(page).isNotEqualTo("127.0.0.1");
            assertThat(card.image()).as(page).isNull();
        }
    }

    @Test
    void asksNoPrivateAddressUnlessAllowed() throws IOException {
        var previews = LinkPreviewsForTests.fetching(context, false);
        previews.learn(p.networkId, List.of(url("/offsite")));
        assertThat(hits.get()).isZero();
        assertThat(previews.preview(p.networkId, url("/offsite"))).isEqualTo(new LinkPreviews.Preview("127.0.0.1", ""));

        for (var address : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fd00::1",
                "fe80::1",
                "224.0.0.1"))
            assertThat(GuardedFetch.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        assertThat(GuardedFetch.isPublic(InetAddress.getByName("93.184.216.34")))
                .isTrue();
        assertThat(GuardedFetch.isPublic(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")))
                .isTrue();
    }

    @Test
    void trendingLinksShowTheirPictureThroughTheApi() {
        // Only links with a real domain are counted: the local server answers for it as a proxy.
        var link = "http://offsite.example.com/offsite";
        post(bob, "Photos from the offsite: " + link);
        await().atMost(Duration.ofSeconds(10)).until(() -> trend(link) != null);
        assertThat(trend(link).get("image").isNull()).isTrue();

        LinkPreviewsForTests.fetching(context, true, server.getAddress()).learn(p.networkId, List.of(link));

        var card = trend(link);
        assertThat(card.get("title").asString()).isEqualTo("Team offsite");
        assertThat(card.get("image").asString()).contains("/link-images/");
        assertThat(card.get("width").asInt()).isGreaterThan(card.get("height").asInt());
        assertThat(card.get("blurhash").asString()).isNotBlank();
        assertThat(card.get("image_description").asString()).isEqualTo("The team & a lake");
        assertThat(org.hallway.testing.MastodonSchema.problems("TrendsLink", card))
                .isEmpty();
        var path = card.get("image").asString().replaceFirst("^https?://[^/]+", "");
        assertThat(alice.getBytes(path, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aStatusCarriesTheCardOfItsLinkWithItsPicture() {
        var link = "http://team.example.com/offsite";
        var id = post(alice, "Before the card is known: " + link + " and more");
        assertThat(alice.get("/api/v1/statuses/" + id).body().get("card").isNull())
                .isTrue();

        LinkPreviewsForTests.fetching(context, true, server.getAddress()).learn(p.networkId, List.of(link));

        var card = alice.get("/api/v1/statuses/" + id).body().get("card");
        assertThat(card.get("url").asString()).isEqualTo(link);
        assertThat(card.get("title").asString()).isEqualTo("Team offsite");
        assertThat(card.get("type").asString()).isEqualTo("link");
        assertThat(card.get("provider_name").asString()).isEqualTo("team.example.com");
        assertThat(card.get("image").asString()).contains("/link-images/");
        assertThat(card.get("blurhash").asString()).isNotBlank();
        assertThat(card.get("width").asInt()).isPositive();
        assertThat(org.hallway.testing.MastodonSchema.problems("PreviewCard", card))
                .isEmpty();
        // A repost shows its original's card; a post without a link has none.
        var repost = bob.post("/api/v1/statuses/" + id + "/reblog").body();
        assertThat(repost.get("reblog").get("card").get("title").asString()).isEqualTo("Team offsite");
        var plain = post(alice, "No link here");
        assertThat(alice.get("/api/v1/statuses/" + plain).body().get("card").isNull())
                .isTrue();
    }

    private JsonNode trend(String url) {
        for (var l : alice.get("/api/v1/trends/links").body())
            if (l.get("url").asString().equals(url)) return l;
        return null;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void page(String path, String head) {
        var body = ("<html><head>" + head + "</head><body><script>alert(1)</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        serve(path, "text/html; charset=utf-8", body);
    }

    private void serve(String path, String type, byte[] body) {
        server.createContext(path, exchange -> answer(exchange, type, body));
    }

    private void answer(HttpExchange exchange, String type, byte[] body) throws IOException {
        hits.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static byte[] image(int width, int height, String format) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
