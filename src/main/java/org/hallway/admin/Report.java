package org.hallway.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A colleague's report of another colleague to the administrators: why ({@code category}, the
 * network's rules cited, a comment), which of their posts, and whether and when an administrator
 * resolved it.
 */
public record Report(
        long id,
        long networkId,
        long reporterId,
        long targetId,
        String comment,
        String category,
        List<String> ruleIds,
        boolean forward,
        List<Long> postIds,
        Instant createdAt,
        @Nullable Instant resolvedAt,
        @Nullable Long resolvedBy) {

    /** Mastodon's limit on a report's comment. */
    public static final int MAX_COMMENT = 1000;

    public static final List<String> CATEGORIES = List.of("spam", "legal", "violation", "other");

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** The category asked for: Mastodon's default is {@code other}, or {@code violation} when rules are cited. */
    static String category(@Nullable String asked, boolean rulesCited) {
        if (asked == null || asked.isBlank()) return rulesCited ? "violation" : "other";
        var c = asked.strip().toLowerCase(Locale.ROOT);
        if (!CATEGORIES.contains(c))
            throw new InvalidInputException("category", "category must be spam, legal, violation or other");
        return c;
    }
}
