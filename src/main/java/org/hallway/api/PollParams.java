package org.hallway.api;

import org.hallway.polls.PollDraft;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The poll of a new status as apps send it: {@code poll[options][]}, {@code poll[expires_in]},
 * {@code poll[multiple]}, {@code poll[hide_totals]} in a form, or a {@code poll} object in JSON (which
 * {@link ParamsResolver} folds onto the same names).
 */
final class PollParams {
    private PollParams() {}

    static @Nullable PollDraft draft(Params params) {
        var options = params.list("poll[options]");
        var expiresIn = params.string("poll[expires_in]");
        if (options.isEmpty() && (expiresIn == null || expiresIn.isBlank())) return null;
        if (expiresIn == null || expiresIn.isBlank())
            throw new InvalidInputException("poll", "poll[expires_in] is missing");
        long seconds;
        try {
            seconds = Long.parseLong(expiresIn.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("poll", "poll[expires_in] must be a number of seconds");
        }
        return new PollDraft(
                options, seconds, params.bool("poll[multiple]", false), params.bool("poll[hide_totals]", false));
    }
}
