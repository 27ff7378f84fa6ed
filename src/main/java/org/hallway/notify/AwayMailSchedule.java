package org.hallway.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for mail waiting for away colleagues every {@code hallway.mail.interval}. */
@Component
class AwayMailSchedule {
    private static final Logger log = LoggerFactory.getLogger(AwayMailSchedule.class);

    private final SendAwayMails send;

    AwayMailSchedule(SendAwayMails send) {
        this.send = send;
    }

    @Scheduled(initialDelayString = "${hallway.mail.interval}", fixedDelayString = "${hallway.mail.interval}")
    void run() {
        int sent = send.handle();
        if (sent > 0) log.info("Mailed {} away colleagues", sent);
    }
}
