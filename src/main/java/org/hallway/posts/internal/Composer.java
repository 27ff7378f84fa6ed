package org.hallway.posts.internal;

import java.util.Locale;
import java.util.Optional;
import org.hallway.identity.AccountStore;
import org.hallway.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The rules every written text passes, for new posts and edits alike. */
@Component
public class Composer {
    private final AccountStore accounts;
    private final int maxCharacters;

    Composer(AccountStore accounts, @Value("${hallway.posts.max-characters:5000}") int maxCharacters) {
        this.accounts = accounts;
        this.maxCharacters = maxCharacters;
    }

    public int maxCharacters() {
        return maxCharacters;
    }

    /** Validates and renders; mentions resolve to colleagues of the same network only. */
    public PostText.Rendered compose(long networkId, String text, String spoilerText, Optional<String> language) {
        return compose(networkId, text, spoilerText, language, false);
    }

    /** The same; {@code hasMedia}: the post carries attachments, so its text may be empty. */
    public PostText.Rendered compose(
            long networkId, String text, String spoilerText, Optional<String> language, boolean hasMedia) {
        return compose(networkId, text, spoilerText, language, hasMedia, id -> true);
    }

    /** The same; a mention resolves only to an account {@code mentionable} accepts (a guest's reach). */
    public PostText.Rendered compose(
            long networkId,
            String text,
            String spoilerText,
            Optional<String> language,
            boolean hasMedia,
            java.util.function.LongPredicate mentionable) {
        var body = text == null ? "" : text.strip();
        if (body.isEmpty() && !hasMedia) throw new InvalidInputException("status", "Text can't be blank");
        var spoiler = spoilerText == null ? "" : spoilerText.strip();
        int length = PostText.length(body) + spoiler.codePointCount(0, spoiler.length());
        if (length > maxCharacters) {
            throw new InvalidInputException(
                    "status", "Text is too long (" + length + " characters, at most " + maxCharacters + ")");
        }
        language.ifPresent(l -> {
            if (!l.matches("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})?")) {
                throw new InvalidInputException("language", "Language must be an ISO 639 code");
            }
        });
        return PostText.render(body, username -> accounts.findByUsername(networkId, username)
                .filter(a -> a.active() && mentionable.test(a.id()))
                .map(a -> new PostText.Mentioned(a.id(), a.username())));
    }

    public static String normalizeLanguage(String language) {
        return language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
    }
}
