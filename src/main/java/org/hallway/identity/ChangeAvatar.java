package org.hallway.identity;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A colleague uploads a picture of themselves: any image the JDK can read (PNG, JPEG, GIF, BMP),
 * cropped to a square from its centre, resized to 400 and 96 pixels and stored as PNG. Re-encoding
 * also drops whatever metadata the file carried (location, camera).
 */
@Service
public class ChangeAvatar {
    static final int FULL = 400;
    static final int THUMBNAIL = 96;
    /** Larger images would take too much memory to decode; no camera needs more. */
    private static final long MAX_PIXELS = 50_000_000L;

    private final AccountStore accounts;
    private final AvatarImages images;
    private final long maxBytes;

    ChangeAvatar(
            AccountStore accounts, AvatarImages images, @Value("${hallway.avatars.max-bytes:8388608}") long maxBytes) {
        this.accounts = accounts;
        this.images = images;
        this.maxBytes = maxBytes;
    }

    /** The picture, checked and resized, ready to be stored. */
    public record Prepared(byte[] full, byte[] thumbnail) {}

    /** Checks and resizes an upload; stores nothing, so a caller can check other input before storing. */
    public Prepared prepare(byte[] upload) {
        if (upload.length == 0) throw new InvalidInputException("avatar", "Choose an image to upload");
        if (upload.length > maxBytes) {
            throw new InvalidInputException(
                    "avatar", "Avatar is too large (at most " + (maxBytes / (1024 * 1024)) + " MB)");
        }
        var square = cropSquare(decode(upload));
        return new Prepared(png(scale(square, FULL)), png(scale(square, THUMBNAIL)));
    }

    public void handle(Viewer viewer, Prepared image) {
        accounts.find(viewer.networkId(), viewer.accountId()).orElseThrow(NotFoundException::record);
        images.write(viewer.accountId(), image.full(), image.thumbnail());
    }

    private static BufferedImage decode(byte[] bytes) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw notAnImage();
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new InvalidInputException("avatar", "Avatar has too many pixels (at most 50 megapixels)");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) throw invalid;
            throw notAnImage();
        }
    }

    private static InvalidInputException notAnImage() {
        return new InvalidInputException("avatar", "Avatar must be a PNG, JPEG or GIF image");
    }

    private static BufferedImage cropSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    /** Halves the size in steps before the last bicubic step, which keeps downscaled photos sharp. */
    private static BufferedImage scale(BufferedImage image, int size) {
        var current = image;
        int side = current.getWidth();
        do {
            side = Math.max(size, side / 2);
            if (current.getWidth() <= size) side = size;
            var next = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
            var g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, side, side, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (side != size);
        return current;
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
