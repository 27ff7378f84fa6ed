package org.hallway.media.internal;

/** Reads the one EXIF field Hallway needs, the orientation, from a JPEG's APP1 segment. */
final class Exif {
    private static final int ORIENTATION = 0x0112;

    private Exif() {}

    /** The orientation (1..8) in an APP1 payload starting with "Exif\0\0", or 0 when there is none. */
    static int orientation(byte[] app1) {
        if (app1.length < 14 || app1[0] != 'E' || app1[1] != 'x' || app1[2] != 'i' || app1[3] != 'f') return 0;
        int tiff = 6;
        boolean little = app1[tiff] == 'I' && app1[tiff + 1] == 'I';
        if (!little && !(app1[tiff] == 'M' && app1[tiff + 1] == 'M')) return 0;
        long ifd = u32(app1, tiff + 4, little);
        int at = (int) (tiff + ifd);
        if (ifd < 8 || at + 2 > app1.length) return 0;
        int entries = u16(app1, at, little);
        for (int i = 0; i < entries; i++) {
            int entry = at + 2 + i * 12;
            if (entry + 12 > app1.length) return 0;
            if (u16(app1, entry, little) == ORIENTATION) {
                int value = u16(app1, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        return little ? a | (c << 8) : (a << 8) | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, at + (little ? 2 : 0), little);
        long lo = u16(b, at + (little ? 0 : 2), little);
        return (hi << 16) | lo;
    }
}
