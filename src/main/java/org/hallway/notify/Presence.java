package org.hallway.notify;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.hallway.shared.Ids;
import org.hallway.shared.WrittenBehind;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who is around. Every signed-in request marks its colleague active; to keep that cheap, the time is
 * written to the database at most once every 60–90 s per colleague (this node remembers the last write),
 * which is far finer than "away for 30 minutes" needs.
 *
 * <p>A request does not wait for that write while its colleague is known to be around: the time is
 * kept here and written with everyone else's by the next {@link #flush()}, within a second, in one
 * statement. Reads then never wait for the database to make a write durable. A colleague this node
 * has not seen for the catch-up absence (or at all since it started) may be coming back: on a web
 * page, that first sight is written at once, so the page that marks the return already shows "Welcome
 * back"; through an app, which shows no such thing, it is written with the next flush (ADR 0081).
 */
@Component
public class Presence {
    private static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    /**
     * A share of this is added to each colleague's {@link #WRITE_EVERY}, fixed per colleague: colleagues
     * first seen in the same seconds (everyone active, after a start) come due spread over half a minute,
     * not in one flush of thousands of rows every minute, which took a core from everything else.
     */
    private static final long SPREAD_MILLIS = Duration.ofSeconds(30).toMillis();

    private final ActivityStore activity;
    private final MailSettings settings;
    private final CatchUpSettings catchUp;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> written = new ConcurrentHashMap<>();
    private final WrittenBehind<Long, ActivityStore.Seen> unwritten = new WrittenBehind<>("colleagues' sights");

    Presence(ActivityStore activity, MailSettings settings, CatchUpSettings catchUp, Clock clock) {
        this.activity = activity;
        this.settings = settings;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** A colleague seen on a web page, which shows a return at once. */
    public void seen(long networkId, long accountId) {
        seen(networkId, accountId, true);
    }

    /** A colleague seen through an app (the API), which shows no return: even a first sight waits for the flush. */
    public void seenThroughApp(long networkId, long accountId) {
        seen(networkId, accountId, false);
    }

    private void seen(long networkId, long accountId, boolean showsReturn) {
        var now = clock.instant();
        var last = written.get(accountId);
        if (last != null && last.plus(writeEvery(accountId)).isAfter(now)) return;
        written.put(accountId, now);
        if (showsReturn && (last == null || !last.plus(catchUp.after()).isAfter(now)))
            activity.touch(networkId, accountId, now, catchUp.after());
        else unwritten.keep(accountId, new ActivityStore.Seen(networkId, accountId, now));
    }

    /** How often a colleague's sight is written: a minute and a share of half a minute of their own. */
    static Duration writeEvery(long accountId) {
        return WRITE_EVERY.plusMillis(Ids.spread(accountId, SPREAD_MILLIS));
    }

    /** Writes the times kept since the last flush; a failed write keeps them for the next one. */
    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "PT1S")
    public void flush() {
        unwritten.flush(batch -> activity.touchAll(List.copyOf(batch.values()), catchUp.after()));
    }

    @PreDestroy
    void stop() {
        flush();
    }

    /** Away: never seen, or not seen for longer than the configured time. */
    public boolean away(long accountId, Instant now) {
        var kept = unwritten.get(accountId);
        if (kept != null) return kept.at().plus(settings.awayAfter()).isBefore(now);
        return activity.lastActive(accountId)
                .map(last -> last.plus(settings.awayAfter()).isBefore(now))
                .orElse(true);
    }
}
