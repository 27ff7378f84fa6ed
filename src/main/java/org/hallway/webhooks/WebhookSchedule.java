package org.hallway.webhooks;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code hallway.webhooks.interval}: send the webhook deliveries that are due. */
@Component
class WebhookSchedule {
    private static final Logger log = LoggerFactory.getLogger(WebhookSchedule.class);

    private final SendWebhooks send;
    private final Clock clock;

    WebhookSchedule(SendWebhooks send, Clock clock) {
        this.send = send;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${hallway.webhooks.interval}", fixedDelayString = "${hallway.webhooks.interval}")
    void run() {
        try {
            send.handle(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not send webhooks; will try again", e);
        }
    }
}
