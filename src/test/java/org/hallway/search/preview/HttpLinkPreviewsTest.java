package org.hallway.search.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.hallway.search.LinkPreviews;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Link cards: the running server fetches nothing (previews are off by default) and shows the domain;
 * with previews on, the page's own title and description, fetched once, from a local web server.
 */
class HttpLinkPreviewsTest extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    LinkPreviews configured;

    HttpServer server;
    final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/article", exchange -> {
            hits.incrementAndGet();
            var body =
                    """
                    <html><head><title>Fallback title</title>
                    <meta property="og:title" content="Q3 results &amp; outlook">
                    <meta name="description" content="Plain description">
                    <meta content="What the quarter brought" property="og:description">
                    </head><body><script>alert(1)</script></body></html>"""
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/file", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, 3);
            exchange.getResponseBody().write(new byte[] {1, 2, 3});
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
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
        var previews = new HttpLinkPreviews(jdbc, clock, true);
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
}
