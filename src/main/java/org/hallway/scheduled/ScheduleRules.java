package org.hallway.scheduled;

import java.time.Duration;
import java.time.Instant;
import org.hallway.shared.InvalidInputException;

/** When a post may be scheduled (Mastodon's rules): at least 5 minutes ahead, 300 waiting at most. */
final class ScheduleRules {
    static final Duration MIN_AHEAD = Duration.ofMinutes(5);
    static final int MAX_WAITING = 300;

    private ScheduleRules() {}

    static void checkTime(Instant at, Instant now) {
        if (at.isBefore(now.plus(MIN_AHEAD)))
            throw new InvalidInputException("scheduled_at", "scheduled_at must be at least 5 minutes in the future");
    }
}
