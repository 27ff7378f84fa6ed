package org.hallway.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes authorization codes a day after they expired; they can no longer be exchanged anyway. */
@Component
class PurgeAuthorizationCodes {
    private final CodeStore codes;
    private final Clock clock;

    PurgeAuthorizationCodes(CodeStore codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void purge() {
        codes.purge(clock.instant().minus(Duration.ofDays(1)));
    }
}
