package org.hallway.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who is around. Every signed-in request marks its colleague active; to keep that cheap, the time is
 * written to the database at most once a minute per colleague (this node remembers the last write),
 * which is far finer than "away for 30 minutes" needs.
 */
@Component
public class Presence {
    private static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    private final ActivityStore activity;
    private final MailSettings settings;
    private final CatchUpSettings catchUp;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> written = new ConcurrentHashMap<>();

    Presence(ActivityStore activity, MailSettings settings, CatchUpSettings catchUp, Clock clock) {
        this.activity = activity;
        this.settings = settings;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    public void seen(long networkId, long accountId) {
        var now = clock.instant();
        var last = written.get(accountId);
        if (last != null && last.plus(WRITE_EVERY).isAfter(now)) return;
        written.put(accountId, now);
        activity.touch(networkId, accountId, now, catchUp.after());
    }

    /** Away: never seen, or not seen for longer than the configured time. */
    public boolean away(long accountId, Instant now) {
        return activity.lastActive(accountId)
                .map(last -> last.plus(settings.awayAfter()).isBefore(now))
                .orElse(true);
    }
}
