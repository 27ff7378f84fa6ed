package org.hallway.posts;

import java.util.Locale;
import org.hallway.shared.InvalidInputException;

/**
 * Who a post is for, in Mastodon's words where Mastodon has them: {@code public} is company-wide and
 * in the company feed, {@code unlisted} company-wide but not in the company feed, {@code private}
 * followers only, {@code direct} only the people it mentions. {@code group} is Hallway's own: the
 * audience of the group the post belongs to. Nobody outside the network ever sees any of them.
 */
public enum PostVisibility {
    PUBLIC,
    UNLISTED,
    PRIVATE,
    GROUP,
    DIRECT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A stored code. */
    public static PostVisibility of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /** What a client asked for; a group post is chosen by its group, not by this value. */
    public static PostVisibility requested(String code) {
        if (code == null || code.isBlank()) return PUBLIC;
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "unlisted" -> UNLISTED;
            case "private" -> PRIVATE;
            case "direct" -> DIRECT;
            case "group" -> GROUP;
            default -> throw new InvalidInputException(
                    "visibility", "Visibility must be public, unlisted, private or direct");
        };
    }

    /** The narrower of two company audiences: a reply never reaches further than what it answers. */
    public PostVisibility narrowest(PostVisibility other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public boolean companyWide() {
        return this == PUBLIC || this == UNLISTED;
    }

    /**
     * Whether the post counts in its author's public figures (posts count) and its parent's reply count:
     * group posts and direct messages don't, so a count never reveals a post its reader can't see.
     */
    public boolean counted() {
        return this != GROUP && this != DIRECT;
    }
}
