package org.hallway.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a reader typed, parsed: words, {@code "phrases"}, {@code #tags}, {@code -excluded} words and
 * the operators {@code from:@handle}, {@code department:Sales}, {@code has:link}, {@code in:group} (a
 * group's name, quoted when it has spaces, or written with hyphens: {@code in:platform-team}),
 * {@code before:}/{@code after:} dates (YYYY-MM-DD). Characters with a meaning in Lucene's syntax
 * ({@code * ? \ ~ ^ [ ]} …) mean nothing here: words are analyzed like the indexed text, never
 * interpreted. An unclosed quote closes at the end. Unknown operators, bad dates and overly long
 * queries are refused with a message saying why.
 */
public record SearchQuery(
        List<String> words,
        List<String> phrases,
        List<String> tags,
        List<String> excluded,
        List<String> fromHandles,
        List<String> departments,
        List<String> groups,
        boolean hasLink,
        @Nullable LocalDate after,
        @Nullable LocalDate before) {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_TERMS = 32;
    static final List<String> OPERATORS = List.of("from", "department", "has", "in", "before", "after");

    /** A filter to show as a chip: its label, and the query without it. */
    public record Chip(String label, String queryWithout) {}

    public static SearchQuery parse(@Nullable String input) {
        var q = input == null ? "" : input.strip();
        if (q.length() > MAX_LENGTH) {
            throw new InvalidInputException("q", "The search is too long (at most " + MAX_LENGTH + " characters)");
        }
        var b = new Builder();
        var tokens = tokens(q);
        if (tokens.size() > MAX_TERMS) {
            throw new InvalidInputException("q", "The search has too many terms (at most " + MAX_TERMS + ")");
        }
        for (var t : tokens) b.add(t);
        return b.build();
    }

    /** Splits on white space; a quote opens a phrase up to the next quote or the end. */
    static List<Token> tokens(String q) {
        var list = new ArrayList<Token>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || (c == '-' && i + 1 < q.length() && q.charAt(i + 1) == '"')) {
                boolean negated = c == '-';
                int start = i + (negated ? 2 : 1);
                int end = q.indexOf('"', start);
                var text = end < 0 ? q.substring(start) : q.substring(start, end);
                list.add(new Token(text, true, negated));
                i = end < 0 ? q.length() : end + 1;
            } else {
                int end = i;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') end++;
                list.add(new Token(q.substring(i, end), false, false));
                i = end;
            }
        }
        return list;
    }

    record Token(String text, boolean phrase, boolean negated) {}

    public boolean isEmpty() {
        return words.isEmpty()
                && phrases.isEmpty()
                && tags.isEmpty()
                && fromHandles.isEmpty()
                && departments.isEmpty()
                && groups.isEmpty()
                && !hasLink
                && after == null
                && before == null;
    }

    /** Whether any part scores by text (else results are ordered by time and signals alone). */
    public boolean hasText() {
        return !words.isEmpty() || !phrases.isEmpty() || !tags.isEmpty();
    }

    /** The free text, for matching people and hashtags. */
    public String freeText() {
        var all = new ArrayList<String>(words);
        all.addAll(phrases);
        return String.join(" ", all);
    }

    /** The filters the reader set, each with the query that drops it (the search page shows them as chips). */
    public List<Chip> chips() {
        var chips = new ArrayList<Chip>();
        for (var h : fromHandles) chips.add(chip("from:@" + h, "from: @" + h));
        for (var d : departments) chips.add(chip("department:" + quoteIfNeeded(d), "department: " + d));
        for (var g : groups) chips.add(chip("in:" + quoteIfNeeded(g), "in: " + g));
        if (hasLink) chips.add(chip("has:link", "has a link"));
        if (after != null) chips.add(chip("after:" + after, "after " + after));
        if (before != null) chips.add(chip("before:" + before, "before " + before));
        for (var t : tags) chips.add(chip("#" + t, "#" + t));
        for (var x : excluded) chips.add(chip("-" + quoteIfNeeded(x), "without " + x));
        return chips;
    }

    /** The query as text, restricted to the group instead of {@code replaced} (none when blank). */
    public String withGroup(@Nullable String replaced, @Nullable String group) {
        var old = replaced == null
                ? null
                : groups.stream()
                        .filter(g -> g.equalsIgnoreCase(replaced.strip()))
                        .findFirst()
                        .orElse(null);
        var text = old == null ? render("") : render("in:" + quoteIfNeeded(old));
        if (group == null || group.isBlank()) return text;
        boolean already = groups.stream().anyMatch(g -> g.equalsIgnoreCase(group.strip()) && !g.equals(old));
        return already ? text : (text + " in:" + quoteIfNeeded(group.strip())).strip();
    }

    private Chip chip(String token, String label) {
        return new Chip(label, render(token));
    }

    /** The query as text, without the given token. */
    private String render(String without) {
        var parts = new ArrayList<String>();
        words.forEach(parts::add);
        phrases.forEach(p -> parts.add('"' + p + '"'));
        tags.forEach(t -> parts.add("#" + t));
        excluded.forEach(x -> parts.add("-" + quoteIfNeeded(x)));
        fromHandles.forEach(h -> parts.add("from:@" + h));
        departments.forEach(d -> parts.add("department:" + quoteIfNeeded(d)));
        groups.forEach(g -> parts.add("in:" + quoteIfNeeded(g)));
        if (hasLink) parts.add("has:link");
        if (after != null) parts.add("after:" + after);
        if (before != null) parts.add("before:" + before);
        parts.remove(without);
        return String.join(" ", parts);
    }

    private static String quoteIfNeeded(String s) {
        return s.contains(" ") ? '"' + s + '"' : s;
    }

    private static final class Builder {
        final List<String> words = new ArrayList<>();
        final List<String> phrases = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        final List<String> excluded = new ArrayList<>();
        final List<String> from = new ArrayList<>();
        final List<String> departments = new ArrayList<>();
        final List<String> groups = new ArrayList<>();
        boolean hasLink;
        LocalDate after;
        LocalDate before;
        String pendingOperator;

        void add(Token t) {
            if (pendingOperator != null) {
                // "department:" followed by a quoted value: department:"Human Resources".
                var op = pendingOperator;
                pendingOperator = null;
                if (t.phrase() && !t.negated()) {
                    operator(op, t.text());
                    return;
                }
                operator(op, "");
            }
            if (t.phrase()) {
                var text = t.text().strip();
                if (text.isEmpty()) return;
                (t.negated() ? excluded : phrases).add(text);
                return;
            }
            var s = t.text();
            if (s.startsWith("-") && s.length() > 1) {
                excluded.add(s.substring(1));
                return;
            }
            if (s.startsWith("#") && s.length() > 1) {
                tags.add(s.substring(1).toLowerCase(Locale.ROOT));
                return;
            }
            int colon = s.indexOf(':');
            if (colon > 0 && s.substring(0, colon).chars().allMatch(Character::isLetter) && !s.contains("://")) {
                var op = s.substring(0, colon).toLowerCase(Locale.ROOT);
                var value = s.substring(colon + 1);
                if (!OPERATORS.contains(op)) {
                    throw new InvalidInputException(
                            "q",
                            "Unknown search operator \"" + op
                                    + ":\". Use from:, department:, has:, in:, before: or after:");
                }
                if (value.isEmpty()) {
                    pendingOperator = op;
                    return;
                }
                operator(op, value);
                return;
            }
            if (s.startsWith("@") && s.length() > 1) {
                words.add(s.substring(1));
                return;
            }
            words.add(s);
        }

        void operator(String op, String value) {
            var v = value.strip();
            if (v.isEmpty()) throw new InvalidInputException("q", "The search operator \"" + op + ":\" needs a value");
            switch (op) {
                case "from" -> from.add(v.replaceFirst("^@", "").toLowerCase(Locale.ROOT));
                case "department" -> departments.add(v);
                case "in" -> groups.add(v);
                case "has" -> {
                    if (!v.equalsIgnoreCase("link") && !v.equalsIgnoreCase("links")) {
                        throw new InvalidInputException("q", "has: takes \"link\"");
                    }
                    hasLink = true;
                }
                case "before" -> before = date(op, v);
                case "after" -> after = date(op, v);
                default -> throw new IllegalStateException(op);
            }
        }

        static LocalDate date(String op, String v) {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("q", op + ": takes a date written YYYY-MM-DD, like 2026-03-31");
            }
        }

        SearchQuery build() {
            if (pendingOperator != null) operator(pendingOperator, "");
            return new SearchQuery(
                    List.copyOf(words),
                    List.copyOf(phrases),
                    List.copyOf(tags),
                    List.copyOf(excluded),
                    List.copyOf(from),
                    List.copyOf(departments),
                    List.copyOf(groups),
                    hasLink,
                    after,
                    before);
        }
    }
}
