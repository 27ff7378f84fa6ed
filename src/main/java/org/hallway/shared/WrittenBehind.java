package org.hallway.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes kept in memory and written together (ADRs 0071, 0081): a colleague's sight, a token's use. A
 * request keeps its note here instead of writing it, and a flush writes every note kept since the last
 * one in one statement. A note kept again before the flush replaces the earlier one; a flush that fails
 * keeps its notes for the next one, unless a newer note came meanwhile. One flush at a time: a reader
 * that flushes first waits until the flush under way has written its notes.
 */
public final class WrittenBehind<K, V> {
    private static final Logger log = LoggerFactory.getLogger(WrittenBehind.class);

    private final String what;
    private final ConcurrentHashMap<K, V> kept = new ConcurrentHashMap<>();

    /** {@code what} names the notes in the log, e.g. "colleagues' sights". */
    public WrittenBehind(String what) {
        this.what = what;
    }

    public void keep(K key, V note) {
        kept.put(key, note);
    }

    /** The note kept for {@code key} and not yet written, if any. */
    public @Nullable V get(K key) {
        return kept.get(key);
    }

    /** Hands the notes kept since the last flush to {@code write}, which writes them in one statement. */
    public synchronized void flush(Consumer<Map<K, V>> write) {
        if (kept.isEmpty()) return;
        var batch = new HashMap<K, V>();
        for (var note : kept.entrySet())
            if (kept.remove(note.getKey(), note.getValue())) batch.put(note.getKey(), note.getValue());
        try {
            write.accept(batch);
        } catch (RuntimeException e) {
            log.warn("Writing {} {} failed; trying again", batch.size(), what, e);
            batch.forEach(kept::putIfAbsent);
        }
    }
}
