package org.hallway.media;

import java.util.Optional;
import org.hallway.media.internal.ImageProcessing;
import org.hallway.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A small copy of an image fetched from elsewhere (a link card's picture): decoded with the limits of
 * an upload (JPEG, PNG or GIF, at most 33 megapixels), scaled down to a preview's size (640×360 worth
 * of pixels, Mastodon's), re-encoded without the file's metadata, with its blurhash. Nothing is stored.
 */
@Service
public class ShrinkImage {
    /** The copy: JPEG stays JPEG, PNG and GIF become PNG. */
    public record Shrunk(String contentType, byte[] bytes, int width, int height, String blurhash) {
        public String extension() {
            return contentType.equals("image/jpeg") ? "jpg" : "png";
        }
    }

    /** Mastodon's size for previews (640×360). */
    static final long PREVIEW_PIXELS = 230_400L;

    /** The copy, or empty when the bytes are not an image Hallway reads or have too many pixels. */
    public Optional<Shrunk> handle(byte[] bytes) {
        if (!ImageProcessing.looksLikeImage(bytes)) return Optional.empty();
        try {
            var s = ImageProcessing.shrink(bytes, PREVIEW_PIXELS);
            return Optional.of(new Shrunk(s.contentType(), s.bytes(), s.width(), s.height(), s.blurhash()));
        } catch (InvalidInputException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
