package org.hallway.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real image bytes made in memory for upload tests. */
public final class MediaTestImages {
    private MediaTestImages() {}

    public static BufferedImage drawing(int width, int height, Color color) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width / 3, height / 3);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height, Color color) {
        return write(drawing(width, height, color), "png");
    }

    /** Random pixels: a PNG that does not compress, for uploads of several megabytes. */
    public static byte[] noisePng(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(7);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt());
        return write(image, "png");
    }

    public static byte[] gif(int width, int height, Color color) {
        return write(drawing(width, height, color), "gif");
    }

    public static byte[] jpeg(int width, int height, Color color) {
        return write(drawing(width, height, color), "jpeg");
    }

    /**
     * A JPEG carrying an EXIF block: orientation 6 (turn 90° clockwise to show) and an image
     * description holding {@code secret}, as a phone's location or owner would be.
     */
    public static byte[] jpegWithExif(int width, int height, String secret) {
        var plain = jpeg(width, height, Color.BLUE);
        var text = (secret + "\0").getBytes(StandardCharsets.US_ASCII);
        var tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.writeBytes(new byte[] {0, 2});
        // ImageDescription (0x010E), ASCII, its text after the IFD (8 + 2 + 2*12 + 4 = 38).
        tiff.writeBytes(new byte[] {0x01, 0x0E, 0, 2});
        tiff.writeBytes(int32(text.length));
        tiff.writeBytes(int32(38));
        // Orientation (0x0112), SHORT, 6.
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0});
        tiff.writeBytes(int32(0));
        tiff.writeBytes(text);
        var payload = new ByteArrayOutputStream();
        payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        payload.writeBytes(tiff.toByteArray());
        int length = payload.size() + 2;
        // After SOI and the JFIF APP0 segment, as cameras write it.
        int app0End = 4 + (((plain[4] & 0xff) << 8) | (plain[5] & 0xff));
        var out = new ByteArrayOutputStream();
        out.write(plain, 0, app0End);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(payload.toByteArray());
        out.write(plain, app0End, plain.length - app0End);
        return out.toByteArray();
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static byte[] write(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("No writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
