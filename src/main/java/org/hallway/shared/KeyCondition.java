package org.hallway.shared;

import java.util.Collection;

/**
 * A condition that a column holds one of some keys, with its parameter: {@code column = ?} for one key,
 * {@code column = any(?)} for several.
 *
 * <p>PostgreSQL keeps a generic plan for a prepared statement only when it costs no more than the custom
 * plans made before it. For an array it guesses ten elements, so the custom plan for one element is
 * always cheaper, and a statement over an array was planned anew at every execution: for the lookups
 * behind a colleague's card (the profile, the follow counts, the post counts), mostly of one colleague,
 * planning took two to six times as long as running them. With one key the statement is planned once per
 * connection.
 */
public record KeyCondition(String sql, Object parameter) {
    public static KeyCondition of(String column, Collection<Long> keys) {
        if (keys.isEmpty()) throw new IllegalArgumentException("No keys to look up");
        return keys.size() == 1
                ? new KeyCondition(column + " = ?", keys.iterator().next())
                : new KeyCondition(column + " = any(?)", keys.toArray(Long[]::new));
    }
}
