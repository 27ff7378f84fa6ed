package org.hallway.media.internal;

import java.awt.image.BufferedImage;

/**
 * Wolt's BlurHash encoder (https://github.com/woltapp/blurhash, the published algorithm): a few
 * cosine components of the image in linear RGB, quantised into a short base-83 string from which apps
 * paint a blurred placeholder before the image arrives. Encode a small version of the image: the
 * hash keeps only the lowest frequencies, and the cost grows with the pixels.
 */
public final class Blurhash {
    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private Blurhash() {}

    public static String encode(BufferedImage image, int componentsX, int componentsY) {
        if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9)
            throw new IllegalArgumentException("Blurhash takes 1 to 9 components on each axis");
        int width = image.getWidth();
        int height = image.getHeight();
        var rgb = image.getRGB(0, 0, width, height, null, 0, width);
        var linear = new double[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            linear[i * 3] = toLinear((rgb[i] >> 16) & 0xff);
            linear[i * 3 + 1] = toLinear((rgb[i] >> 8) & 0xff);
            linear[i * 3 + 2] = toLinear(rgb[i] & 0xff);
        }
        var factors = new double[componentsX * componentsY][];
        for (int j = 0; j < componentsY; j++) {
            for (int i = 0; i < componentsX; i++) {
                factors[j * componentsX + i] = factor(linear, width, height, i, j);
            }
        }
        var hash = new StringBuilder();
        hash.append(base83((componentsX - 1) + (componentsY - 1) * 9, 1));
        double maximum;
        if (factors.length > 1) {
            double actualMax = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double v : factors[k]) actualMax = Math.max(actualMax, Math.abs(v));
            }
            int quantisedMax = (int) Math.max(0, Math.min(82, Math.floor(actualMax * 166 - 0.5)));
            maximum = (quantisedMax + 1) / 166.0;
            hash.append(base83(quantisedMax, 1));
        } else {
            maximum = 1;
            hash.append(base83(0, 1));
        }
        var dc = factors[0];
        hash.append(base83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4));
        for (int k = 1; k < factors.length; k++) {
            var ac = factors[k];
            hash.append(base83(
                    quantise(ac[0], maximum) * 19 * 19 + quantise(ac[1], maximum) * 19 + quantise(ac[2], maximum), 2));
        }
        return hash.toString();
    }

    private static double[] factor(double[] linear, int width, int height, int i, int j) {
        double r = 0, g = 0, b = 0;
        for (int y = 0; y < height; y++) {
            double basisY = Math.cos(Math.PI * j * y / height);
            for (int x = 0; x < width; x++) {
                double basis = Math.cos(Math.PI * i * x / width) * basisY;
                int p = (y * width + x) * 3;
                r += basis * linear[p];
                g += basis * linear[p + 1];
                b += basis * linear[p + 2];
            }
        }
        double scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (width * height);
        return new double[] {r * scale, g * scale, b * scale};
    }

    private static int quantise(double value, double maximum) {
        return (int) Math.max(0, Math.min(18, Math.floor(signPow(value / maximum, 0.5) * 9 + 9.5)));
    }

    private static double signPow(double value, double exponent) {
        return Math.copySign(Math.pow(Math.abs(value), exponent), value);
    }

    private static double toLinear(int srgb) {
        double v = srgb / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308
                ? (int) (v * 12.92 * 255 + 0.5)
                : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static String base83(int value, int length) {
        var sb = new StringBuilder(length);
        for (int i = 1; i <= length; i++) {
            int digit = (int) (value / Math.pow(83, length - i)) % 83;
            sb.append(DIGITS.charAt(digit));
        }
        return sb.toString();
    }
}
