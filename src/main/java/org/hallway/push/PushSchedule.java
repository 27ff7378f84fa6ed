package org.hallway.push;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code hallway.push.interval}: send the pushes that are due (retries, and any missed after commit). */
@Component
class PushSchedule {
    private static final Logger log = LoggerFactory.getLogger(PushSchedule.class);

    private final SendPushes send;
    private final Clock clock;

    PushSchedule(SendPushes send, Clock clock) {
        this.send = send;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${hallway.push.interval}", fixedDelayString = "${hallway.push.interval}")
    void run() {
        try {
            send.handle(null, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not send pushes; will try again", e);
        }
    }
}
