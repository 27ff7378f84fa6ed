package org.hallway.groups.internal;

import org.hallway.groups.Group;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** What a group's name and description may be. */
public final class GroupRules {
    private GroupRules() {}

    public static String name(@Nullable String name) {
        var n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new InvalidInputException("name", "Give the group a name");
        if (n.codePointCount(0, n.length()) > Group.MAX_NAME)
            throw new InvalidInputException("name", "The name is longer than " + Group.MAX_NAME + " characters");
        return n;
    }

    public static String description(@Nullable String description) {
        var d = description == null ? "" : description.strip();
        if (d.codePointCount(0, d.length()) > Group.MAX_DESCRIPTION)
            throw new InvalidInputException(
                    "description", "The description is longer than " + Group.MAX_DESCRIPTION + " characters");
        return d;
    }
}
