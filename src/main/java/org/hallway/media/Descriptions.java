package org.hallway.media;

import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The rules for alt text and focal points, shared by upload, update and post edits. */
final class Descriptions {
    private Descriptions() {}

    static @Nullable String check(@Nullable String description) {
        if (description == null) return null;
        var text = description.strip();
        if (text.isEmpty()) return null;
        if (text.codePointCount(0, text.length()) > MediaLimits.MAX_DESCRIPTION)
            throw new InvalidInputException(
                    "description",
                    "The description is too long (at most " + MediaLimits.MAX_DESCRIPTION + " characters)");
        return text;
    }

    /** Mastodon's "x,y", each from -1 to 1; absent means the centre. */
    static float[] focus(@Nullable String focus) {
        if (focus == null || focus.isBlank()) return new float[] {0, 0};
        var parts = focus.split(",");
        try {
            if (parts.length != 2) throw new NumberFormatException();
            float x = Float.parseFloat(parts[0].strip());
            float y = Float.parseFloat(parts[1].strip());
            if (!(x >= -1 && x <= 1 && y >= -1 && y <= 1)) throw new NumberFormatException();
            return new float[] {x, y};
        } catch (NumberFormatException e) {
            throw new InvalidInputException("focus", "focus must be two numbers from -1 to 1, as in 0.5,-0.25");
        }
    }
}
