package org.hallway.search.preview;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hallway.search.LinkPreviews;
import org.hallway.search.internal.Links;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Link previews from the page itself: its {@code og:title} / {@code og:description} (else its
 * {@code <title>} and meta description), fetched once per link after it is first shared, only when
 * {@code hallway.search.link-previews} is on (off by default: Hallway makes no outgoing request unless
 * told to). A link without a fetched title shows its domain.
 */
@Component
class HttpLinkPreviews implements LinkPreviews {
    private static final Logger log = LoggerFactory.getLogger(HttpLinkPreviews.class);
    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 500;
    private static final Pattern META = Pattern.compile("(?is)<meta\\s[^>]*>");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w-]+)");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final HttpClient http;

    HttpLinkPreviews(JdbcClient jdbc, Clock clock, @Value("${hallway.search.link-previews:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Preview preview(long networkId, String url) {
        var stored = jdbc.sql("select title, description from link_cards where network_id = ? and url = ?")
                .params(networkId, url)
                .query((rs, i) -> new Preview(rs.getString(1), rs.getString(2)))
                .optional();
        return stored.filter(p -> !p.title().isBlank()).orElseGet(() -> new Preview(Links.domain(url), ""));
    }

    @Override
    public void learn(long networkId, List<String> urls) {
        if (!enabled) return;
        for (var url : urls) {
            boolean known = jdbc.sql("select exists (select 1 from link_cards where network_id = ? and url = ?)")
                    .params(networkId, url)
                    .query(Boolean.class)
                    .single();
            if (known) continue;
            // A failed fetch is stored as an empty preview too: the link shows its domain, and is not fetched again.
            var preview = fetch(url).orElse(new Preview("", ""));
            jdbc.sql(
                            """
                            insert into link_cards (network_id, url, title, description, fetched_at)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(networkId, url, preview.title(), preview.description(), Timestamp.from(clock.instant()))
                    .update();
        }
    }

    Optional<Preview> fetch(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Accept", "text/html")
                    .header("User-Agent", "Hallway link preview")
                    .GET()
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                var type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() != 200
                        || !type.toLowerCase(Locale.ROOT).contains("html")) {
                    return Optional.empty();
                }
                var bytes = body.readNBytes(MAX_BYTES);
                return parse(new String(bytes, charset(type)));
            }
        } catch (IOException | IllegalArgumentException e) {
            log.debug("No preview for {}: {}", url, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Preview> parse(String html) {
        String ogTitle = null, ogDescription = null, description = null;
        var metas = META.matcher(html);
        while (metas.find()) {
            var tag = metas.group();
            var key = attribute(tag, "property");
            if (key == null) key = attribute(tag, "name");
            var content = attribute(tag, "content");
            if (key == null || content == null) continue;
            switch (key.toLowerCase(Locale.ROOT)) {
                case "og:title" -> ogTitle = ogTitle == null ? content : ogTitle;
                case "og:description" -> ogDescription = ogDescription == null ? content : ogDescription;
                case "description" -> description = description == null ? content : description;
                default -> {}
            }
        }
        var title = ogTitle;
        if (title == null) {
            var m = TITLE.matcher(html);
            if (m.find()) title = m.group(1);
        }
        if (title == null || text(title, MAX_TITLE).isBlank()) return Optional.empty();
        var desc = ogDescription != null ? ogDescription : description == null ? "" : description;
        return Optional.of(new Preview(text(title, MAX_TITLE), text(desc, MAX_DESCRIPTION)));
    }

    private static @Nullable String attribute(String tag, String name) {
        var m = Pattern.compile("(?is)\\b" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')")
                .matcher(tag);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** Plain text: entities decoded, tags and runs of white space removed, cut to a length. */
    private static String text(String raw, int max) {
        var s = raw.replaceAll("(?s)<[^>]*>", " ")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static Charset charset(String contentType) {
        var m = CHARSET.matcher(contentType);
        try {
            return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
