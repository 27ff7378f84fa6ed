package org.hallway.polls;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code hallway.polls.end-interval}: end the polls that are due, in batches after a backlog. */
@Component
class PollSchedule {
    private static final Logger log = LoggerFactory.getLogger(PollSchedule.class);

    private final EndPolls endPolls;
    private final Clock clock;

    PollSchedule(EndPolls endPolls, Clock clock) {
        this.endPolls = endPolls;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${hallway.polls.end-interval:PT1M}")
    void run() {
        int ended;
        int total = 0;
        do {
            ended = endPolls.handle(clock.instant());
            total += ended;
        } while (ended == EndPolls.BATCH);
        if (total > 0) log.info("Ended {} polls", total);
    }
}
