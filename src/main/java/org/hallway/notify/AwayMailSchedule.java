package org.hallway.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code hallway.mail.interval}: mail what waits for away colleagues, and the digests that are due. */
@Component
class AwayMailSchedule {
    private static final Logger log = LoggerFactory.getLogger(AwayMailSchedule.class);

    private final SendAwayMails send;
    private final SendDigests digests;

    AwayMailSchedule(SendAwayMails send, SendDigests digests) {
        this.send = send;
        this.digests = digests;
    }

    @Scheduled(initialDelayString = "${hallway.mail.interval}", fixedDelayString = "${hallway.mail.interval}")
    void run() {
        int sent = send.handle();
        if (sent > 0) log.info("Mailed {} away colleagues", sent);
        int digested = digests.handle();
        if (digested > 0) log.info("Sent {} digests", digested);
    }
}
