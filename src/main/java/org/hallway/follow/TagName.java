package org.hallway.follow;

import java.util.Locale;
import java.util.regex.Pattern;
import org.hallway.shared.InvalidInputException;

/** A hashtag's canonical form: without '#', lower-case, letters, digits and underscores. */
public final class TagName {
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_]{1,100}");

    private TagName() {}

    public static String of(String raw) {
        var name = raw == null ? "" : raw.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        if (!VALID.matcher(name).matches()) throw new InvalidInputException("name", "Not a valid hashtag");
        return name;
    }
}
