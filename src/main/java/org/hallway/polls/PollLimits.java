package org.hallway.polls;

import java.time.Duration;
import java.util.HashSet;
import org.hallway.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rules a poll follows (Mastodon's defaults): 2 to {@code maxOptions} distinct, non-blank options
 * of at most {@code maxCharactersPerOption} characters each, running between 5 minutes and a month.
 * The instance entity reports them to apps.
 */
@Component
public class PollLimits {
    public static final int MIN_OPTIONS = 2;

    private final int maxOptions;
    private final int maxCharactersPerOption;
    private final Duration minExpiration;
    private final Duration maxExpiration;

    PollLimits(
            @Value("${hallway.polls.max-options:4}") int maxOptions,
            @Value("${hallway.polls.max-characters-per-option:50}") int maxCharactersPerOption,
            @Value("${hallway.polls.min-expiration:5m}") Duration minExpiration,
            @Value("${hallway.polls.max-expiration:30d}") Duration maxExpiration) {
        this.maxOptions = maxOptions;
        this.maxCharactersPerOption = maxCharactersPerOption;
        this.minExpiration = minExpiration;
        this.maxExpiration = maxExpiration;
    }

    public int maxOptions() {
        return maxOptions;
    }

    public int maxCharactersPerOption() {
        return maxCharactersPerOption;
    }

    public Duration minExpiration() {
        return minExpiration;
    }

    public Duration maxExpiration() {
        return maxExpiration;
    }

    /** Throws with a message safe to show when the draft breaks a rule. */
    public void check(PollDraft draft) {
        var options = draft.options();
        if (options.size() < MIN_OPTIONS)
            throw new InvalidInputException("poll", "A poll needs at least " + MIN_OPTIONS + " options");
        if (options.size() > maxOptions)
            throw new InvalidInputException("poll", "A poll has at most " + maxOptions + " options");
        for (var option : options) {
            if (option.isEmpty()) throw new InvalidInputException("poll", "Poll options can't be blank");
            if (option.codePointCount(0, option.length()) > maxCharactersPerOption)
                throw new InvalidInputException(
                        "poll", "Poll options have at most " + maxCharactersPerOption + " characters");
        }
        if (new HashSet<>(options).size() != options.size())
            throw new InvalidInputException("poll", "Poll options must differ from each other");
        if (draft.expiresInSeconds() < minExpiration.toSeconds())
            throw new InvalidInputException("poll", "A poll runs at least " + minExpiration.toMinutes() + " minutes");
        if (draft.expiresInSeconds() > maxExpiration.toSeconds())
            throw new InvalidInputException("poll", "A poll runs at most " + maxExpiration.toDays() + " days");
    }
}
