package org.hallway.groups;

import java.util.Locale;
import org.hallway.shared.InvalidInputException;

/** Who can find, read and join a group. */
public enum GroupPrivacy {
    /** Anyone in the network reads and joins. */
    PUBLIC,
    /** Listed; members read; joining needs an administrator's approval or an invitation. */
    PRIVATE,
    /** Invisible to non-members; invitation only. */
    SECRET;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupPrivacy of(String code) {
        if (code == null || code.isBlank()) throw new InvalidInputException("privacy", "Choose who can see the group");
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "private" -> PRIVATE;
            case "secret" -> SECRET;
            default -> throw new InvalidInputException("privacy", "Privacy must be public, private or secret");
        };
    }
}
