package org.hallway.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Hashes checked against Wolt's C encoder (Debian's python3-blurhash 1.1.4 wraps it) on the same
 * pixels. The npm port differs on images with strong contrasts: it takes the largest AC component
 * without its absolute value.
 */
class BlurhashTest {

    @Test
    void encodesAGradientLikeTheReferenceEncoder() {
        var image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                image.setRGB(x, y, (((x * 10) & 255) << 16) | (((y * 15) & 255) << 8) | (((x + y) * 7) & 255));
            }
        }
        assertThat(Blurhash.encode(image, 4, 3)).isEqualTo("LoF=?w2iwybbqJWFjve.gHflfOfl");
    }

    @Test
    void encodesAPlainColourLikeTheReferenceEncoder() {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) image.setRGB(x, y, (200 << 16) | (30 << 8) | 60);
        assertThat(Blurhash.encode(image, 4, 3)).isEqualTo("LNM^#R|yfQ|y|ysVfQsVfQfQfQfQ");
    }
}
