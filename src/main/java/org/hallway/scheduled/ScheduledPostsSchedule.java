package org.hallway.scheduled;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code hallway.scheduled.interval}: publish the scheduled posts that are due. */
@Component
class ScheduledPostsSchedule {
    private static final Logger log = LoggerFactory.getLogger(ScheduledPostsSchedule.class);

    private final PublishScheduledPosts publish;
    private final Clock clock;

    ScheduledPostsSchedule(PublishScheduledPosts publish, Clock clock) {
        this.publish = publish;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${hallway.scheduled.interval:PT30S}")
    void run() {
        int published = publish.handle(clock.instant());
        if (published > 0) log.info("Published {} scheduled posts", published);
    }
}
