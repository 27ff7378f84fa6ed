package org.hallway.filters;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One of a colleague's filters: keywords that, in the chosen contexts, either put a warning over
 * matching posts ({@code warn}) or leave them out ({@code hide}), until {@code expiresAt} if set.
 */
public record Filter(
        long id,
        long networkId,
        long accountId,
        String title,
        List<String> contexts,
        String action,
        @Nullable Instant expiresAt,
        Instant createdAt,
        List<Keyword> keywords) {

    public static final Set<String> CONTEXTS = Set.of("home", "notifications", "public", "thread", "account");
    public static final Set<String> ACTIONS = Set.of("warn", "hide");

    /** A keyword; a whole-word keyword matches only where it stands as a word of its own. */
    public record Keyword(long id, String keyword, boolean wholeWord) {
        public boolean matches(String text) {
            if (wholeWord) {
                return Pattern.compile(
                                "(?<![\\p{L}\\p{N}_])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}_])",
                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text)
                        .find();
            }
            return text.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT));
        }
    }

    public boolean active(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** The keywords of this filter that the text matches. */
    public List<String> matching(String text) {
        return keywords.stream()
                .filter(k -> k.matches(text))
                .map(Keyword::keyword)
                .toList();
    }
}
