package org.hallway.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hallway.identity.AccountStore;
import org.hallway.posts.PostView;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * "While you were away": what a colleague missed since their last long absence began (or in the last
 * day, when there was none), ordered by what matters; opening it counts as caught up, so home stops
 * offering it.
 */
@Service
public class ReadCatchUp {
    private static final int PER_SECTION = 10;
    private static final Duration DEFAULT_SPAN = Duration.ofDays(1);

    /** What was missed since {@code since}; {@code department} names the third section (may be blank). */
    public record CatchUp(
            Instant since,
            List<NotificationView> mentions,
            List<PostView> followed,
            List<PostView> popular,
            String department) {}

    private final ActivityStore activity;
    private final AccountStore accounts;
    private final CatchUpSections sections;
    private final Clock clock;

    ReadCatchUp(ActivityStore activity, AccountStore accounts, CatchUpSections sections, Clock clock) {
        this.activity = activity;
        this.accounts = accounts;
        this.sections = sections;
        this.clock = clock;
    }

    public CatchUp handle(Viewer viewer) {
        var now = clock.instant();
        var account = accounts.find(viewer.networkId(), viewer.accountId()).orElseThrow(NotFoundException::record);
        var since = activity.lastReturn(viewer.accountId())
                .map(ActivityStore.Return::awayFrom)
                .orElse(now.minus(DEFAULT_SPAN));
        var found = sections.since(viewer, account, Ids.floorOf(since.toEpochMilli()), PER_SECTION);
        activity.caughtUp(viewer.accountId(), now);
        return new CatchUp(since, found.mentions(), found.followed(), found.department(), account.department());
    }
}
