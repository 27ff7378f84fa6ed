package org.hallway.timeline.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The entry ids of one reader's home feed, kept in memory: the newest {@code capacity} entries of the
 * stored feed, sorted. Filled from storage on first use, then kept up to date by {@link #add} (fan-out)
 * and {@link #remove} (deletions). When it holds fewer entries than the stored feed (the stored feed was
 * longer than the capacity, or older entries were dropped to keep the capacity), it is not {@link
 * #complete()}: the stored feed may hold entries older than {@link #oldest()}.
 *
 * <p>It holds ids only, never what the reader may see: every page still checks its candidates' audience.
 */
public final class HomeIds {
    /** Entries added beyond the capacity before the oldest are dropped (one copy per few posts, not per post). */
    private static final int SLACK = 64;

    private final int capacity;
    private long[] ids = new long[0]; // ascending
    private int size;
    private boolean loaded;
    private boolean complete;

    public HomeIds(int capacity) {
        this.capacity = capacity;
    }

    /** The bytes this list may grow to, for a cache bounded by weight. */
    public static int weight(int capacity) {
        return 96 + 8 * (capacity + SLACK);
    }

    /**
     * Fills the list on first use from the stored feed's newest ids (newest first, up to capacity + 1).
     * Adds and removals that arrive meanwhile wait for the load and then apply to the loaded list.
     */
    public synchronized void loadIfNeeded(Supplier<List<Long>> newestFirst) {
        if (loaded) return;
        var stored = newestFirst.get();
        complete = stored.size() <= capacity;
        int n = Math.min(stored.size(), capacity);
        ids = new long[Math.max(n, 16)];
        for (int i = 0; i < n; i++) ids[n - 1 - i] = stored.get(i);
        size = n;
        loaded = true;
    }

    /**
     * Adds an entry that the stored feed now holds. Before the first load it does nothing: the load comes
     * later and reads it from storage.
     */
    public synchronized void add(long entryId) {
        if (!loaded) return;
        int at = Arrays.binarySearch(ids, 0, size, entryId);
        if (at >= 0) return;
        at = -at - 1;
        if (at == 0 && !complete && size > 0) return; // older than what is held: storage keeps it
        if (size == ids.length) ids = Arrays.copyOf(ids, Math.min(Math.max(16, size * 2), capacity + SLACK + 1));
        System.arraycopy(ids, at, ids, at + 1, size - at);
        ids[at] = entryId;
        size++;
        if (size > capacity + SLACK) {
            int drop = size - capacity;
            System.arraycopy(ids, drop, ids, 0, capacity);
            size = capacity;
            complete = false;
        }
    }

    /** Removes entries that are gone from the stored feed. */
    public synchronized void remove(Collection<Long> entryIds) {
        if (!loaded) return;
        for (var id : entryIds) {
            int at = Arrays.binarySearch(ids, 0, size, id);
            if (at < 0) continue;
            System.arraycopy(ids, at + 1, ids, at, size - at - 1);
            size--;
        }
    }

    /** Keeps the newest {@code capacity} entries, as the stored feed's trim does. */
    public synchronized void trimTo(int capacity) {
        if (size <= capacity) return;
        System.arraycopy(ids, size - capacity, ids, 0, capacity);
        size = capacity;
        complete = false;
    }

    /** True when no stored entry is older than the oldest held one. */
    public synchronized boolean complete() {
        return complete;
    }

    /** The oldest held id, or {@link Long#MAX_VALUE} when none is held. */
    public synchronized long oldest() {
        return size == 0 ? Long.MAX_VALUE : ids[0];
    }

    /** Up to {@code count} held ids below {@code max} and above {@code min}, newest first. */
    public synchronized Candidates below(long max, long min, int count) {
        int end = Arrays.binarySearch(ids, 0, size, max);
        end = end >= 0 ? end : -end - 1; // exclusive
        int start = Math.max(0, end - count);
        var out = new long[end - start];
        int n = 0;
        for (int i = end - 1; i >= start && ids[i] > min; i--) out[n++] = ids[i];
        boolean more = start > 0 && ids[start - 1] > min;
        return new Candidates(Arrays.copyOf(out, n), more);
    }

    /** Up to {@code count} held ids above {@code min} and below {@code max}, oldest first. */
    public synchronized Candidates above(long min, long max, int count) {
        int start = Arrays.binarySearch(ids, 0, size, min);
        start = start >= 0 ? start + 1 : -start - 1;
        int end = Math.min(size, start + count);
        var out = new long[end - start];
        int n = 0;
        for (int i = start; i < end && ids[i] < max; i++) out[n++] = ids[i];
        boolean more = end < size && ids[end] < max;
        return new Candidates(Arrays.copyOf(out, n), more);
    }

    /** Candidate ids in paging order, and whether more held ids lie further in the same window. */
    public record Candidates(long[] ids, boolean more) {
        public long last() {
            return ids[ids.length - 1];
        }
    }
}
