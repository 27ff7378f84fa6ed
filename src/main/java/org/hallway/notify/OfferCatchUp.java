package org.hallway.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * Whether home offers "While you were away": the colleague came back from a long absence a short
 * while ago and has not opened the view since. Answers when the absence began.
 */
@Service
public class OfferCatchUp {
    private final ActivityStore activity;
    private final CatchUpSettings settings;
    private final Clock clock;

    OfferCatchUp(ActivityStore activity, CatchUpSettings settings, Clock clock) {
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Instant> awaySince(Viewer viewer) {
        var now = clock.instant();
        return activity.lastReturn(viewer.accountId())
                .filter(r -> !r.caughtUp()
                        && r.returnedAt().plus(settings.offerFor()).isAfter(now))
                .map(ActivityStore.Return::awayFrom);
    }
}
