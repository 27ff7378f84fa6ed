package org.hallway.search.preview;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hallway.media.ShrinkImage;
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
 * {@code <title>} and meta description) and its picture ({@code og:image}, else {@code twitter:image},
 * with {@code og:image:alt}), fetched once per link after it is first shared, only when {@code
 * hallway.search.link-previews} is on (off by default: Hallway makes no outgoing request unless told
 * to). Page and picture are fetched by the same rules ({@link GuardedFetch}); the picture is kept only
 * as a scaled-down copy ({@link ShrinkImage}) under the data directory. A link without a fetched title
 * shows its domain; a picture that cannot be fetched or read leaves the card without one (ADR 0039).
 */
@Component
class HttpLinkPreviews implements LinkPreviews {
    private static final Logger log = LoggerFactory.getLogger(HttpLinkPreviews.class);
    static final int MAX_BYTES = 512 * 1024;
    /** The largest picture fetched (Mastodon's limit for a preview card's image). */
    static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_IMAGE_DESCRIPTION = 1500;
    private static final java.util.Set<String> IMAGE_TYPES = java.util.Set.of("image/jpeg", "image/png", "image/gif");
    private static final Pattern META = Pattern.compile("(?is)<meta\\s[^>]*>");
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w-]+)");

    /** What a page says about itself: its card's text and, if it names one, its picture's address and text. */
    record Page(String title, String description, @Nullable String image, String imageAlt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final GuardedFetch fetch;
    private final ShrinkImage shrink;
    private final LinkImages images;

    @org.springframework.beans.factory.annotation.Autowired
    HttpLinkPreviews(
            JdbcClient jdbc,
            Clock clock,
            @Value("${hallway.search.link-previews:false}") boolean enabled,
            @Value("${hallway.search.link-previews-private-addresses:false}") boolean privateAddresses,
            ShrinkImage shrink,
            LinkImages images) {
        this(jdbc, clock, enabled, privateAddresses, null, shrink, images);
    }

    /** {@code proxy}: where the fetches go instead of straight to each host (tests serve any host so). */
    HttpLinkPreviews(
            JdbcClient jdbc,
            Clock clock,
            boolean enabled,
            boolean privateAddresses,
            java.net.@Nullable ProxySelector proxy,
            ShrinkImage shrink,
            LinkImages images) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.fetch = new GuardedFetch(privateAddresses, proxy);
        this.shrink = shrink;
        this.images = images;
    }

    private static final String CARD_COLUMNS =
            """
            select url, title, description, image_token, image_type, image_width, image_height, image_blurhash,
                   image_description
            from link_cards""";

    @Override
    public Preview preview(long networkId, String url) {
        var stored = jdbc.sql(CARD_COLUMNS + " where network_id = ? and url = ?")
                .params(networkId, url)
                .query((rs, i) -> preview(rs))
                .optional();
        return stored.filter(p -> !p.title().isBlank()).orElseGet(() -> new Preview(Links.domain(url), ""));
    }

    @Override
    public java.util.Map<String, Preview> fetched(long networkId, java.util.Collection<String> urls) {
        if (urls.isEmpty()) return java.util.Map.of();
        var result = new java.util.HashMap<String, Preview>();
        jdbc.sql(CARD_COLUMNS + " where network_id = ? and url = any(?) and title <> ''")
                .params(networkId, urls.toArray(String[]::new))
                .query(rs -> {
                    result.put(rs.getString(1), preview(rs));
                });
        return result;
    }

    private static Preview preview(java.sql.ResultSet rs) throws java.sql.SQLException {
        var token = rs.getString(4);
        var image = token == null
                ? null
                : new Image(
                        "/link-images/" + token + (rs.getString(5).equals("image/jpeg") ? ".jpg" : ".png"),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getString(9) == null ? "" : rs.getString(9));
        return new Preview(rs.getString(2), rs.getString(3), image);
    }

    /** What is known of a card when its link is shared again. */
    private record Known(java.time.Instant fetchedAt) {}

    @Override
    public void learn(long networkId, List<String> urls) {
        for (var url : urls) {
            // Marks the card shared now. A purge deciding about this card at the same moment waits for the
            // row and then reads the new time (and keeps it), or has deleted it already (and the card is
            // fetched again below): a link just shared never loses its card to the purge.
            var known = jdbc.sql(
                            """
                            update link_cards set last_shared_at = greatest(last_shared_at, ?)
                            where network_id = ? and url = ? returning fetched_at""")
                    .params(Timestamp.from(clock.instant()), networkId, url)
                    .query((rs, i) -> new Known(rs.getTimestamp(1).toInstant()))
                    .optional();
            if (!enabled) continue;
            if (known.isPresent()
                    && known.get().fetchedAt().isAfter(clock.instant().minus(REFRESH_AFTER))) continue;
            // A failed fetch is stored as an empty preview too: the link shows its domain, and is not
            // fetched again until it is shared after REFRESH_AFTER; a failed refresh keeps the old card.
            var page = fetch(url);
            var picture = page.map(Fetched::picture).flatMap(this::picture);
            if (known.isPresent() && page.isEmpty()) {
                jdbc.sql("update link_cards set fetched_at = ? where network_id = ? and url = ?")
                        .params(Timestamp.from(clock.instant()), networkId, url)
                        .update();
                continue;
            }
            var p = page.map(Fetched::page).orElse(new Page("", "", null, ""));
            String token = null;
            if (picture.isPresent()) {
                token = LinkImages.newToken();
                images.write(token, picture.get().extension(), picture.get().bytes());
            }
            var now = Timestamp.from(clock.instant());
            var values = new Object[] {
                p.title(),
                p.description(),
                now,
                token,
                picture.map(ShrinkImage.Shrunk::contentType).orElse(null),
                picture.map(ShrinkImage.Shrunk::width).orElse(null),
                picture.map(ShrinkImage.Shrunk::height).orElse(null),
                picture.map(ShrinkImage.Shrunk::blurhash).orElse(null),
                picture.isPresent() && !p.imageAlt().isBlank() ? p.imageAlt() : null
            };
            int stored;
            if (known.isEmpty()) {
                stored = jdbc.sql(
                                """
                                insert into link_cards (title, description, fetched_at, image_token, image_type,
                                    image_width, image_height, image_blurhash, image_description, network_id, url,
                                    last_shared_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(concat(values, networkId, url, now))
                        .update();
            } else {
                // A refresh: only one of two concurrent refreshes replaces the card. The old picture is
                // then named by no card, and the purge deletes it (a page already shown may still load it).
                stored = jdbc.sql(
                                """
                                update link_cards set title = ?, description = ?, fetched_at = ?, image_token = ?,
                                    image_type = ?, image_width = ?, image_height = ?, image_blurhash = ?,
                                    image_description = ?
                                where network_id = ? and url = ? and fetched_at = ?""")
                        .params(concat(
                                values,
                                networkId,
                                url,
                                Timestamp.from(known.get().fetchedAt())))
                        .update();
            }
            if (stored == 0 && token != null) images.delete(token, picture.get().extension());
        }
    }

    private static Object[] concat(Object[] values, Object... more) {
        var all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    @Override
    public int forgetUnshared(java.time.Instant sharedBefore) {
        // The time is checked again on the row itself: a share that touched it while this statement ran
        // is seen when PostgreSQL re-reads the locked row, and the card stays.
        return jdbc.sql(
                        """
                        delete from link_cards c
                        where c.last_shared_at < ?
                          and not exists (
                            select 1 from post_links l join posts p on p.id = l.post_id
                            where l.network_id = c.network_id and l.url = c.url and p.deleted_at is null)
                        """)
                .param(Timestamp.from(sharedBefore))
                .update();
    }

    @Override
    public int removeUnusedPictures(java.time.Instant writtenBefore) {
        return images.removeUnused(writtenBefore, tokens -> {
            var named = new java.util.HashSet<String>();
            jdbc.sql("select image_token from link_cards where image_token = any(?)")
                    .param(tokens.toArray(String[]::new))
                    .query(rs -> {
                        named.add(rs.getString(1));
                    });
            return named;
        });
    }

    /** A page fetched and read, and the absolute address of its picture if it names one. */
    record Fetched(Page page, @Nullable URI picture) {}

    Optional<Fetched> fetch(String url) {
        try {
            var got = fetch.get(URI.create(url), "text/html", t -> t.contains("html"), MAX_BYTES, true);
            if (got.isEmpty()) return Optional.empty();
            var page = parse(new String(got.get().body(), charset(got.get().contentType())));
            return page.map(p -> new Fetched(p, pictureAddress(got.get().uri(), p.image())));
        } catch (IOException | IllegalArgumentException e) {
            log.debug("No preview for {}: {}", url, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static @Nullable URI pictureAddress(URI page, @Nullable String image) {
        if (image == null || image.isBlank()) return null;
        try {
            return page.resolve(image.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The picture fetched and scaled down; empty when it is missing, too large, not an image, or unreadable. */
    private Optional<ShrinkImage.Shrunk> picture(@Nullable URI address) {
        if (address == null) return Optional.empty();
        try {
            var got = fetch.get(
                    address,
                    "image/jpeg, image/png, image/gif",
                    t -> IMAGE_TYPES.contains(t.split(";")[0].strip()),
                    MAX_IMAGE_BYTES,
                    false);
            return got.flatMap(g -> shrink.handle(g.body()));
        } catch (IOException | IllegalArgumentException e) {
            log.debug("No picture at {}: {}", address, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Optional<Page> parse(String html) {
        String ogTitle = null, ogDescription = null, description = null, ogImage = null, twitterImage = null;
        String imageAlt = null;
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
                case "og:image", "og:image:url", "og:image:secure_url" -> ogImage = ogImage == null ? content : ogImage;
                case "twitter:image", "twitter:image:src" -> twitterImage =
                        twitterImage == null ? content : twitterImage;
                case "og:image:alt", "twitter:image:alt" -> imageAlt = imageAlt == null ? content : imageAlt;
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
        var image = ogImage != null ? ogImage : twitterImage;
        return Optional.of(new Page(
                text(title, MAX_TITLE),
                text(desc, MAX_DESCRIPTION),
                image == null ? null : entities(image).strip(),
                imageAlt == null ? "" : text(imageAlt, MAX_IMAGE_DESCRIPTION)));
    }

    private static @Nullable String attribute(String tag, String name) {
        var m = Pattern.compile("(?is)\\b" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')")
                .matcher(tag);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** Plain text: entities decoded, tags and runs of white space removed, cut to a length. */
    private static String text(String raw, int max) {
        var s = entities(raw.replaceAll("(?s)<[^>]*>", " "))
                .replaceAll("\\s+", " ")
                .strip();
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String entities(String s) {
        return s.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&");
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
