package org.hallway.identity.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.hallway.identity.Avatars;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Draws a colleague's default avatar: a symmetric 5x5 pattern in a colour derived from their id
 * (an identicon), so that people are told apart at a glance without any font on the server.
 */
@RestController
class AvatarController {
    private static final int SIZE = 128;

    private final Avatars signatures;
    private final Cache<Long, byte[]> cache =
            Caffeine.newBuilder().maximumSize(5_000).build();

    AvatarController(Avatars signatures) {
        this.signatures = signatures;
    }

    /** The default header image Mastodon apps expect on every account: a plain light band. */
    @GetMapping("/avatars/header.png")
    ResponseEntity<byte[]> header() {
        var png = cache.get(
                -1L,
                k -> png(new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB) {
                    {
                        var g = createGraphics();
                        g.setColor(new Color(0xE4, 0xE7, 0xEB));
                        g.fillRect(0, 0, 3, 1);
                        g.dispose();
                    }
                }));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(png);
    }

    @GetMapping("/avatars/{id}/{signature}.png")
    ResponseEntity<byte[]> avatar(@PathVariable String id, @PathVariable String signature) {
        long accountId;
        try {
            accountId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return ResponseEntity.notFound().build();
        }
        if (!signatures.valid(accountId, signature))
            return ResponseEntity.notFound().build();
        var png = cache.get(accountId, AvatarController::draw);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(png);
    }

    private static byte[] draw(long accountId) {
        long bits = accountId * 0x9E3779B97F4A7C15L;
        bits ^= (bits >>> 29);
        var image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        try {
            g.setColor(new Color(0xF2, 0xF3, 0xF5));
            g.fillRect(0, 0, SIZE, SIZE);
            float hue = (bits & 0xffff) / 65535f;
            g.setColor(Color.getHSBColor(hue, 0.55f, 0.62f));
            int cell = SIZE / 6;
            int margin = (SIZE - cell * 5) / 2;
            for (int row = 0; row < 5; row++) {
                for (int col = 0; col < 3; col++) {
                    if (((bits >>> (16 + row * 3 + col)) & 1) == 0) continue;
                    g.fillRect(margin + col * cell, margin + row * cell, cell, cell);
                    g.fillRect(margin + (4 - col) * cell, margin + row * cell, cell, cell);
                }
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
