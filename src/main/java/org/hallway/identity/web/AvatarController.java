package org.hallway.identity.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.hallway.identity.AccountStore;
import org.hallway.identity.AvatarImages;
import org.hallway.identity.Avatars;
import org.hallway.shared.Caches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves avatars: the picture a colleague uploaded, or else their initials on a colour derived from
 * their id. Browsers keep an avatar for five minutes and then revalidate it by its ETag, so a new
 * picture shows everywhere soon without every page load fetching every image again.
 */
@RestController
class AvatarController {
    private static final Logger log = LoggerFactory.getLogger(AvatarController.class);
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Avatars signatures;
    private final AvatarImages images;
    private final AccountStore accounts;
    private final Cache<String, byte[]> drawn =
            Caches.newBuilder().maximumSize(5_000).build();

    AvatarController(Avatars signatures, AvatarImages images, AccountStore accounts) {
        this.signatures = signatures;
        this.images = images;
        this.accounts = accounts;
    }

    /** The default header image Mastodon apps expect on every account: a plain light band. */
    @GetMapping("/avatars/header.png")
    ResponseEntity<byte[]> header() {
        var png = drawn.get("header", k -> {
            var image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(new Color(0xE4, 0xE7, 0xEB));
            g.fillRect(0, 0, 3, 1);
            g.dispose();
            return png(image);
        });
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(png);
    }

    @GetMapping("/avatars/{id}/{signature}.png")
    ResponseEntity<byte[]> avatar(
            @PathVariable String id,
            @PathVariable String signature,
            @RequestParam(required = false) Integer size,
            WebRequest request) {
        long accountId;
        try {
            accountId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ResponseEntity.notFound().build();
        }
        if (!signatures.valid(accountId, signature))
            return ResponseEntity.notFound().build();
        boolean small = size != null && size <= 96;
        var uploaded = images.read(accountId, small ? AvatarImages.Size.THUMBNAIL : AvatarImages.Size.FULL);
        byte[] png;
        String etag;
        if (uploaded.isPresent()) {
            png = uploaded.get().png();
            etag = "\"u" + uploaded.get().modified().toEpochMilli() + (small ? "s" : "") + "\"";
        } else {
            var name = accounts.displayName(accountId).orElse("?");
            var initials = initials(name);
            int side = small ? 96 : 400;
            png = drawn.get(accountId + ":" + initials + ":" + side, k -> draw(accountId, initials, side));
            etag = "\"d" + Integer.toHexString((accountId + initials + side).hashCode()) + "\"";
        }
        if (request.checkNotModified(etag)) return null;
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePrivate())
                .eTag(etag)
                .body(png);
    }

    /** "Ada Lovelace" → "AL", "bob" → "B". */
    static String initials(String name) {
        var words = name.strip().split("\\s+");
        var sb = new StringBuilder();
        for (var w : words) {
            if (w.isEmpty()) continue;
            if (sb.length() == 0 || w == words[words.length - 1]) sb.appendCodePoint(w.codePointAt(0));
        }
        var s = sb.toString().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? "?" : s;
    }

    private static byte[] draw(long accountId, String initials, int side) {
        long bits = accountId * 0x9E3779B97F4A7C15L;
        bits ^= (bits >>> 29);
        var image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            float hue = (bits & 0xffff) / 65535f;
            g.setColor(Color.getHSBColor(hue, 0.45f, 0.55f));
            g.fillRect(0, 0, side, side);
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, side * 2 / 5));
                var metrics = g.getFontMetrics();
                int x = (side - metrics.stringWidth(initials)) / 2;
                int y = (side - metrics.getHeight()) / 2 + metrics.getAscent();
                g.setColor(Color.WHITE);
                g.drawString(initials, x, y);
            } catch (RuntimeException | Error e) {
                // A server without fonts still gets a coloured square rather than a broken image.
                log.debug("Cannot draw initials: {}", e.toString());
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
