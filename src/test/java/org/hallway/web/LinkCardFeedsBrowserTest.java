package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.hallway.audience.Visibility;
import org.hallway.follow.FollowAccount;
import org.hallway.posts.CreatePost;
import org.hallway.search.SearchIndex;
import org.hallway.search.SearchQuery;
import org.hallway.search.preview.LinkPreviewsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Posts in the web feeds show their link's card as Mastodon's web UI does: the page's title,
 * description, site and picture (with its blurhash under it until it loads), opening the page in a new
 * tab; a followers-only post's card is seen only by those who may read the post. Explore lists
 * trending posts with their cards, never a followers-only one.
 */
class LinkCardFeedsBrowserTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    FollowAccount follow;

    @Autowired
    org.hallway.posts.LikePost like;

    @Autowired
    ApplicationContext context;

    @Autowired
    SearchIndex index;

    @Autowired
    Visibility visibility;

    HttpServer server;
    long open;
    long followersOnly;

    static final String OPEN_LINK = "http://intranet.example.com/kayak-day";
    static final String PRIVATE_LINK = "http://intranet.example.com/bonus-plan";

    @BeforeAll
    void posts() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/kayak-day", "Kayak day on the lake", "Sign up before Friday", "/kayak.png", "Kayaks on a lake");
        page("/bonus-plan", "Bonus plan draft", "For the team only", null, null);
        var png = png();
        server.createContext("/kayak.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        server.start();
        follow.handle(p.alice.viewer(), p.bob.id());
        open = write("Paddling together: " + OPEN_LINK + " #kayakday", "public");
        followersOnly = write("Have a look before we share it: " + PRIVATE_LINK, "private");
        LinkPreviewsForTests.fetching(context, true, server.getAddress())
                .learn(p.networkId, List.of(OPEN_LINK, PRIVATE_LINK));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> index
                                .posts(visibility.audienceOf(p.alice.viewer()), SearchQuery.parse("paddling"), null, 10)
                                .stream()
                                .anyMatch(h -> h.id() == open));
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void feedsShowTheLinksCardWithItsPicture() {
        var page = signIn(p.alice);
        // Links are written down with the post's delivery: reload until the home feed has them.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.navigate("/");
            return page.locator("#post-" + open + " .link-card").count() == 1
                    && page.locator("#post-" + followersOnly + " .link-card").count() == 1;
        });
        var card = page.locator("#post-" + open + " .link-card");
        assertThat(card).hasAttribute("href", OPEN_LINK);
        assertThat(card).hasAttribute("target", "_blank");
        assertThat(card).hasAttribute("rel", java.util.regex.Pattern.compile("\\bnoopener\\b.*\\bnoreferrer\\b"));
        assertThat(card.locator(".link-card-title")).hasText("Kayak day on the lake");
        assertThat(card.locator(".link-card-description")).hasText("Sign up before Friday");
        assertThat(card.locator(".link-card-site")).hasText("intranet.example.com");
        var picture = card.locator("img.link-card-image");
        assertThat(picture).hasAttribute("alt", "Kayaks on a lake");
        assertThat(picture).hasAttribute("src", java.util.regex.Pattern.compile("^/link-images/[0-9a-f]{32}\\.png$"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> (Boolean) picture.evaluate("img => img.complete && img.naturalWidth > 0"));
        org.assertj.core.api.Assertions.assertThat(Integer.parseInt(picture.getAttribute("width")))
                .isGreaterThan(Integer.parseInt(picture.getAttribute("height")));
        // The blurhash is painted under the picture until it loads.
        assertThat(card.locator("canvas.blurhash")).hasAttribute("data-painted", "true");
        // A followers-only post's card, for a follower; a card without a picture shows its text only.
        var privateCard = page.locator("#post-" + followersOnly + " .link-card");
        assertThat(privateCard.locator(".link-card-title")).hasText("Bonus plan draft");
        assertThat(privateCard.locator("img")).hasCount(0);

        for (var path : List.of(
                "/company",
                "/@" + p.bob.account().username(),
                "/@" + p.bob.account().username() + "/" + open)) {
            page.navigate(path);
            assertThat(cardOf(page, open)).hasText("Kayak day on the lake");
        }
        page.navigate("/search?q=paddling");
        assertThat(page.locator(".hit .link-card-title")).hasText("Kayak day on the lake");
    }

    @Test
    void aFollowersOnlyPostsCardStaysWithItsReaders() {
        var page = signIn(p.eve);
        page.navigate("/@" + p.bob.account().username());
        assertThat(cardOf(page, open)).hasText("Kayak day on the lake");
        assertThat(page.locator("body")).not().containsText("Bonus plan draft");
        page.navigate("/company");
        assertThat(page.locator("body")).not().containsText("Bonus plan draft");
        page.navigate("/search?q=bonus");
        assertThat(page.locator("body")).not().containsText("Bonus plan draft");
    }

    @Test
    void exploreShowsTrendingPostsWithTheirCardsButNeverAFollowersOnlyOne() {
        like.handle(p.tom.viewer(), open);
        // Liked by a follower, the only one who may read it.
        like.handle(p.alice.viewer(), followersOnly);
        var page = signIn(p.alice);
        page.navigate("/explore");
        var trending = page.locator(".trending-posts");
        assertThat(trending.locator("#post-" + open + " .link-card-title")).hasText("Kayak day on the lake");
        assertThat(trending.locator("#post-" + followersOnly)).hasCount(0);
    }

    private static Locator cardOf(Page page, long postId) {
        return page.locator("#post-" + postId + " .link-card-title");
    }

    private long write(String text, String visibility) {
        return createPost
                .handle(p.bob.viewer(), new CreatePost.Command(text, null, visibility, null, false, null, null))
                .id();
    }

    private void page(String path, String title, String description, String image, String alt) {
        var head = "<meta property=\"og:title\" content=\"" + title + "\">"
                + "<meta property=\"og:description\" content=\"" + description + "\">"
                + (image == null ? "" : "<meta property=\"og:image\" content=\"" + image + "\">")
                + (alt == null ? "" : "<meta property=\"og:image:alt\" content=\"" + alt + "\">");
        var html = ("<html><head>" + head + "</head></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.ORANGE, 800, 400, Color.BLUE));
        g.fillRect(0, 0, 800, 400);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
