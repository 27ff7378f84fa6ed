package org.hallway.shared;

import org.jspecify.annotations.Nullable;

/**
 * A place beside a row kept in memory where a later step keeps what it derives from that very
 * instance. The row's holder makes one memo per instance it reads and hands it out with the row; the
 * step that presents the row finds its work there, instead of looking the row up in a map of its own,
 * and the work lives and dies with the row. A row read again comes with a new, empty memo.
 *
 * <p>Not part of its holder's value: all memos are equal, so records that carry one compare by their
 * rows.
 */
public final class Memo {
    private volatile @Nullable Object kept;

    /** What was kept, or null. */
    public @Nullable Object get() {
        return kept;
    }

    /** Keeps {@code value} in place of what was kept: values made at once from one row are equivalent. */
    public void set(Object value) {
        kept = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Memo;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "Memo";
    }
}
