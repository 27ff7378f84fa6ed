package org.hallway.shared;

import org.jspecify.annotations.Nullable;

/**
 * A window on an id-ordered feed, as Mastodon clients ask for it: {@code maxId} pages back in time,
 * {@code sinceId} gives the newest entries above an id, {@code minId} the entries just above an id.
 */
public record PageRequest(@Nullable Long maxId, @Nullable Long sinceId, @Nullable Long minId, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;

    public PageRequest {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, null, null, limit);
    }

    /** True when the entries are wanted oldest-first (min_id paging) before being shown newest-first. */
    public boolean ascending() {
        return minId != null;
    }

    /** The exclusive lower bound: min_id wins over since_id. */
    public long lowerBound() {
        if (minId != null) return minId;
        return sinceId == null ? 0L : sinceId;
    }

    public long upperBound() {
        return maxId == null ? Long.MAX_VALUE : maxId;
    }
}
