package org.hallway.timeline.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The entry ids of one reader's home feed, kept in memory: the newest {@code capacity} entries of the
 * stored feed, sorted. Filled from storage on first use, then kept up to date by {@link #add} (fan-out)
 * and {@link #remove} (deletions). When it holds fewer entries than the stored feed (the stored feed was
 * longer than the capacity, or older entries were dropped to keep the capacity), it is not {@link
 * #complete()}: the stored feed may hold entries older than {@link #oldest()}.
 *
 * <p>Beside each id it keeps what the audience check last answered for it (ADR 0049), valid only under
 * the reader's audience epoch it was filed under: a page whose candidates all have an answer under the
 * reader's current epoch needs no query.
 */
public final class HomeIds {
    /** Entries added beyond the capacity before the oldest are dropped (one copy per few posts, not per post). */
    private static final int SLACK = 64;

    private static final byte UNKNOWN = 0;
    private static final byte SHOWN = 1;
    private static final byte HIDDEN = 2;

    private final int capacity;
    private long[] ids = new long[0]; // ascending
    private byte[] verdicts = new byte[0]; // beside ids: what the audience answered under verdictEpoch
    private long verdictEpoch = Long.MIN_VALUE;
    private int size;
    private boolean loaded;
    private boolean complete;

    public HomeIds(int capacity) {
        this.capacity = capacity;
    }

    /** The bytes this list may grow to, for a cache bounded by weight. */
    public static int weight(int capacity) {
        return 112 + 9 * (capacity + SLACK);
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
        verdicts = new byte[ids.length];
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
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.min(Math.max(16, size * 2), capacity + SLACK + 1));
            verdicts = Arrays.copyOf(verdicts, ids.length);
        }
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(verdicts, at, verdicts, at + 1, size - at);
        ids[at] = entryId;
        verdicts[at] = UNKNOWN;
        size++;
        if (size > capacity + SLACK) {
            dropOldest(size - capacity);
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
            System.arraycopy(verdicts, at + 1, verdicts, at, size - at - 1);
            size--;
        }
    }

    /** Keeps the newest {@code capacity} entries, as the stored feed's trim does. */
    public synchronized void trimTo(int capacity) {
        if (size <= capacity) return;
        dropOldest(size - capacity);
        complete = false;
    }

    private void dropOldest(int count) {
        System.arraycopy(ids, count, ids, 0, size - count);
        System.arraycopy(verdicts, count, verdicts, 0, size - count);
        size -= count;
    }

    /**
     * The candidates (held ids in paging order, as {@link #below} or {@link #above} gave them) that the
     * reader may see, in the same order and at most {@code limit}, when each candidate up to the last one
     * needed has an answer filed under {@code epoch}; otherwise null.
     */
    public synchronized long @Nullable [] shownAmong(long[] candidates, int limit, long epoch) {
        if (epoch != verdictEpoch) return null;
        var shown = new long[Math.min(limit, candidates.length)];
        int n = 0;
        for (int i = 0; i < candidates.length && n < limit; i++) {
            int at = Arrays.binarySearch(ids, 0, size, candidates[i]);
            if (at < 0 || verdicts[at] == UNKNOWN) return null;
            if (verdicts[at] == SHOWN) shown[n++] = candidates[i];
        }
        return Arrays.copyOf(shown, n);
    }

    /**
     * Files the audience's answer for the first {@code known} candidates under {@code epoch}: shown when
     * {@code shown} says so, hidden otherwise. Answers filed under an older epoch are dropped; an answer
     * for an older epoch than those held is not filed (its query raced a change).
     */
    public synchronized void file(long epoch, long[] candidates, int known, LongPredicate shown) {
        if (epoch < verdictEpoch) return;
        if (epoch > verdictEpoch) {
            Arrays.fill(verdicts, UNKNOWN);
            verdictEpoch = epoch;
        }
        for (int i = 0; i < known; i++) {
            int at = Arrays.binarySearch(ids, 0, size, candidates[i]);
            if (at >= 0) verdicts[at] = shown.test(candidates[i]) ? SHOWN : HIDDEN;
        }
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
