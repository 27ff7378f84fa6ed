package org.hallway.shared;

/**
 * The bytes a cache may hold, as a share of the JVM's maximum heap (ADR 0061): an installation that
 * raises {@code -Xmx} for a larger company gets larger caches with it, and one that lowers it gets
 * smaller ones instead of an exhausted heap. The caches sized this way take a fifth of the heap
 * together (the status JSON 5%, the posts 6%, the home feeds' ids 10%), so the collector keeps room
 * to work in.
 */
public final class HeapShare {
    private HeapShare() {}

    /** {@code percent} of this JVM's maximum heap, in bytes. */
    public static long percent(double percent) {
        return percent(percent, Runtime.getRuntime().maxMemory());
    }

    /**
     * {@code percent} of {@code maxHeap} bytes; a JVM without a heap limit reports {@link Long#MAX_VALUE},
     * which counts as 4 GiB.
     */
    static long percent(double percent, long maxHeap) {
        if (!(percent > 0 && percent < 100)) throw new IllegalArgumentException("percent must be in (0, 100)");
        long heap = maxHeap == Long.MAX_VALUE ? 4L << 30 : maxHeap;
        return (long) (heap * percent / 100);
    }
}
