package org.hallway.posts;

import java.util.Locale;
import org.hallway.shared.InvalidInputException;

/**
 * Who a post is for, in Mastodon's words: {@code public} is company-wide and in the company feed,
 * {@code unlisted} company-wide but not in the company feed, {@code private} followers only.
 * Nobody outside the network ever sees any of them.
 */
public enum PostVisibility {
    PUBLIC,
    UNLISTED,
    PRIVATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostVisibility of(String code) {
        if (code == null || code.isBlank()) return PUBLIC;
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "unlisted" -> UNLISTED;
            case "private" -> PRIVATE;
            case "direct" -> throw new InvalidInputException("visibility", "Direct messages are not available yet");
            default -> throw new InvalidInputException("visibility", "Visibility must be public, unlisted or private");
        };
    }

    /** The narrower of two audiences: a reply never reaches further than what it answers. */
    public PostVisibility narrowest(PostVisibility other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public boolean companyWide() {
        return this != PRIVATE;
    }
}
