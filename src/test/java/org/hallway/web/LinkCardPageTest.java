package org.hallway.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.hallway.posts.CreatePost;
import org.hallway.search.preview.LinkPreviewsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The explore page shows a trending link's card with the page's picture, served by Hallway itself. */
class LinkCardPageTest extends BrowserTest {
    @Autowired
    CreatePost createPost;

    @Autowired
    ApplicationContext context;

    HttpServer server;

    @AfterAll
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void exploreShowsTheLinksPicture() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var html = ("<html><head><meta property=\"og:title\" content=\"Lab open day\">"
                        + "<meta property=\"og:image\" content=\"/open-day.png\">"
                        + "<meta property=\"og:image:alt\" content=\"Visitors in the lab\"></head></html>")
                .getBytes(StandardCharsets.UTF_8);
        var png = png();
        server.createContext("/open-day", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.createContext("/open-day.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        server.start();
        var link = "http://lab.example.com/open-day";
        createPost.handle(
                p.bob.viewer(),
                new CreatePost.Command("Come to the open day " + link, null, "public", null, false, null, null));

        var page = signIn(p.alice);
        // Links are written down after the post is committed: reload until the link trend shows.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.navigate("/explore");
            return page.locator(".link-trends").count() == 1;
        });
        assertThat(page.locator(".link-trends img")).hasCount(0);

        LinkPreviewsForTests.fetching(context, true, server.getAddress()).learn(p.networkId, List.of(link));
        page.navigate("/explore");
        var picture = page.locator(".link-trends img.link-image");
        assertThat(picture).hasAttribute("alt", "Visitors in the lab");
        assertThat(page.locator(".link-trends")).containsText("Lab open day");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> (Boolean) picture.evaluate("img => img.complete && img.naturalWidth > 0"));
    }

    private static byte[] png() throws IOException {
        var image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 800, 400);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
