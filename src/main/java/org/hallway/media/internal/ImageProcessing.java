package org.hallway.media.internal;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.metadata.IIOMetadata;
import org.hallway.shared.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns uploaded bytes into what Hallway stores: the image decoded and encoded again (which drops
 * every piece of metadata the file carried: location, camera, comments), turned upright by its EXIF
 * orientation, no larger than {@link #MAX_STORED_PIXELS}; a small preview; a blurhash. JPEG stays
 * JPEG; PNG and GIF become PNG (a GIF keeps its first frame only).
 */
public final class ImageProcessing {
    /** Mastodon's image_matrix_limit: larger images are refused rather than decoded. */
    public static final long MAX_PIXELS = 33_177_600L;
    /** Mastodon's size for stored originals (3840×2160); larger images are scaled down to it. */
    static final long MAX_STORED_PIXELS = 8_294_400L;
    /** Mastodon's size for previews (640×360). */
    static final long SMALL_PIXELS = 230_400L;

    public static final java.util.List<String> SUPPORTED_TYPES =
            java.util.List.of("image/jpeg", "image/png", "image/gif");

    public record Processed(
            String contentType,
            byte[] original,
            int width,
            int height,
            byte[] small,
            int smallWidth,
            int smallHeight,
            String blurhash) {}

    private ImageProcessing() {}

    public static Processed process(byte[] bytes) {
        if (isWebp(bytes))
            throw new InvalidInputException("file", "WebP images are not supported here; upload a JPEG, PNG or GIF");
        var decoded = decode(bytes);
        var image = decoded.image();
        if (decoded.format().equals("jpeg")) image = upright(image, decoded.orientation());
        boolean jpeg = decoded.format().equals("jpeg");
        image = flatten(fit(image, MAX_STORED_PIXELS), jpeg);
        var small = flatten(fit(image, SMALL_PIXELS), jpeg);
        var hashSource = fitWithin(small, 64);
        return new Processed(
                jpeg ? "image/jpeg" : "image/png",
                encode(image, jpeg),
                image.getWidth(),
                image.getHeight(),
                encode(small, jpeg),
                small.getWidth(),
                small.getHeight(),
                Blurhash.encode(hashSource, 4, 3));
    }

    /** An image scaled down to at most a number of pixels, with its blurhash; no metadata kept. */
    public record Shrunk(String contentType, byte[] bytes, int width, int height, String blurhash) {}

    /**
     * A copy of an image no larger than {@code maxPixels} (never scaled up), re-encoded without its
     * metadata and upright, with its blurhash: JPEG stays JPEG, PNG and GIF become PNG. Throws
     * {@link InvalidInputException} for what {@link #process} refuses.
     */
    public static Shrunk shrink(byte[] bytes, long maxPixels) {
        if (isWebp(bytes))
            throw new InvalidInputException("file", "WebP images are not supported here; upload a JPEG, PNG or GIF");
        var decoded = decode(bytes);
        boolean jpeg = decoded.format().equals("jpeg");
        var image = jpeg ? upright(decoded.image(), decoded.orientation()) : decoded.image();
        image = flatten(fit(image, maxPixels), jpeg);
        return new Shrunk(
                jpeg ? "image/jpeg" : "image/png",
                encode(image, jpeg),
                image.getWidth(),
                image.getHeight(),
                Blurhash.encode(fitWithin(image, 64), 4, 3));
    }

    private record Decoded(BufferedImage image, String format, int orientation) {}

    private static Decoded decode(byte[] bytes) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw notAnImage();
            var reader = readers.next();
            try {
                var format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (format.equals("jpg")) format = "jpeg";
                if (!format.equals("jpeg") && !format.equals("png") && !format.equals("gif")) throw notAnImage();
                reader.setInput(in, true, false);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new InvalidInputException("file", "The image has too many pixels (at most 33 megapixels)");
                }
                int orientation = format.equals("jpeg") ? orientation(reader) : 1;
                return new Decoded(reader.read(0), format, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) throw invalid;
            throw notAnImage();
        }
    }

    private static InvalidInputException notAnImage() {
        return new InvalidInputException(
                "file", "The file is not an image Hallway can read: upload a JPEG, PNG or GIF");
    }

    /** Whether the file starts like a JPEG, PNG, GIF or WebP. */
    public static boolean looksLikeImage(byte[] b) {
        return isWebp(b)
                || isGif(b)
                || (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8)
                || (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G');
    }

    /** A GIF of more than one frame (Mastodon turns those into silent looping videos, "gifv"). */
    public static boolean isAnimatedGif(byte[] bytes) {
        if (!isGif(bytes)) return false;
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return false;
            var reader = readers.next();
            try {
                reader.setInput(in, false, true);
                reader.read(1);
                return true;
            } catch (IndexOutOfBoundsException e) {
                return false;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isGif(byte[] b) {
        return b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    }

    private static boolean isWebp(byte[] b) {
        return b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P';
    }

    /** The EXIF orientation (1..8) of a JPEG, or 1 when it has none or it can't be read. */
    private static int orientation(ImageReader reader) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(0);
            var root = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
            return orientation(root);
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static int orientation(Node node) {
        if (node instanceof javax.imageio.metadata.IIOMetadataNode m
                && "unknown".equals(m.getNodeName())
                && "225".equals(((Element) m).getAttribute("MarkerTag"))
                && m.getUserObject() instanceof byte[] app1) {
            int found = Exif.orientation(app1);
            if (found != 0) return found;
        }
        for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            int found = orientation(child);
            if (found != 1) return found;
        }
        return 1;
    }

    /** Applies an EXIF orientation so that the stored image, which keeps no EXIF, shows the right way up. */
    private static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) return image;
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        var t = new AffineTransform();
        switch (orientation) {
            case 2 -> {
                t.translate(w, 0);
                t.scale(-1, 1);
            }
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 4 -> {
                t.translate(0, h);
                t.scale(1, -1);
            }
            case 5 -> {
                t.rotate(-Math.PI / 2);
                t.scale(-1, 1);
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 7 -> {
                t.scale(-1, 1);
                t.translate(-h, 0);
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            default -> {}
        }
        var out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image scaled down (never up) to at most the given number of pixels, keeping its aspect. */
    private static BufferedImage fit(BufferedImage image, long maxPixels) {
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels <= maxPixels) return image;
        double factor = Math.sqrt((double) maxPixels / pixels);
        return scale(
                image, Math.max(1, (int) (image.getWidth() * factor)), Math.max(1, (int) (image.getHeight() * factor)));
    }

    private static BufferedImage fitWithin(BufferedImage image, int side) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= side) return image;
        double factor = (double) side / longest;
        return scale(image, Math.max(1, (int) Math.round(image.getWidth() * factor)), Math.max(1, (int)
                Math.round(image.getHeight() * factor)));
    }

    /** Halves the size in steps before the last bicubic step, which keeps downscaled photos sharp. */
    private static BufferedImage scale(BufferedImage image, int width, int height) {
        var current = image;
        do {
            int w = Math.max(width, current.getWidth() / 2);
            int h = Math.max(height, current.getHeight() / 2);
            var next = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            var g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() != width || current.getHeight() != height);
        return current;
    }

    /** JPEG has no alpha channel: draw onto white RGB first, or the encoder writes garbage colours. */
    private static BufferedImage flatten(BufferedImage image, boolean jpeg) {
        int wanted = jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        if (image.getType() == wanted) return image;
        var out = new BufferedImage(image.getWidth(), image.getHeight(), wanted);
        var g = out.createGraphics();
        try {
            if (jpeg) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, boolean jpeg) {
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            var writer =
                    ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
            try {
                writer.setOutput(stream);
                var param = writer.getDefaultWriteParam();
                if (jpeg) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.88f);
                }
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
