package org.hallway.identity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hallway.shared.InvalidInputException;

/**
 * OAuth scopes as Mastodon defines them: the top-level {@code read}, {@code write}, {@code follow},
 * {@code push}, {@code admin:read}, {@code admin:write}, and granular ones such as
 * {@code read:statuses}, which a top-level scope includes.
 */
public record Scopes(Set<String> values) {
    private static final Set<String> TOP =
            Set.of("read", "write", "follow", "push", "profile", "admin:read", "admin:write");

    // Compat(mastodon): the deprecated "follow" scope still grants managing relationships.
    private static final Set<String> LEGACY_FOLLOW =
            Set.of("read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes");

    public static Scopes parse(String text) {
        var raw = text == null || text.isBlank() ? "read" : text;
        var set = Arrays.stream(raw.trim().split("[\\s+]+"))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (var s : set) {
            if (!TOP.contains(s) && !TOP.contains(s.substring(0, Math.max(0, s.lastIndexOf(':'))))) {
                throw new InvalidInputException("scope", "Unknown scope: " + s);
            }
        }
        return new Scopes(Set.copyOf(set));
    }

    /** True when these scopes grant {@code wanted}: itself, or the top-level scope it belongs to. */
    public boolean grants(String wanted) {
        if (values.contains(wanted)) return true;
        if (values.contains("follow") && LEGACY_FOLLOW.contains(wanted)) return true;
        int colon = wanted.lastIndexOf(':');
        return colon > 0 && values.contains(wanted.substring(0, colon));
    }

    /** True when every scope of {@code other} is granted by these. */
    public boolean covers(Scopes other) {
        return other.values.stream().allMatch(this::grants);
    }

    @Override
    public String toString() {
        return String.join(" ", values.stream().sorted().toList());
    }
}
