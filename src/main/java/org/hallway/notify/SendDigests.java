package org.hallway.notify;

import java.time.Clock;
import java.time.Instant;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Ids;
import org.hallway.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the daily or weekly digest to those who asked for it: mentions and replies since the last
 * digest, then posts of the people they follow, then what was popular in their department, each
 * ranked by reactions and each checked against the reader's audience. Nothing during quiet hours;
 * no mail when nothing happened.
 */
@Service
public class SendDigests {
    private static final Logger log = LoggerFactory.getLogger(SendDigests.class);
    private static final int BATCH = 500;
    private static final int PER_SECTION = 5;

    private final NotificationSettingsStore settings;
    private final CatchUpSections sections;
    private final AccountStore accounts;
    private final DigestMail compose;
    private final Mailer mailer;
    private final Clock clock;

    SendDigests(
            NotificationSettingsStore settings,
            CatchUpSections sections,
            AccountStore accounts,
            DigestMail compose,
            Mailer mailer,
            Clock clock) {
        this.settings = settings;
        this.sections = sections;
        this.accounts = accounts;
        this.compose = compose;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends the digests that are due; returns how many were sent. */
    public int handle() {
        if (!mailer.enabled()) return 0;
        var now = clock.instant();
        int sent = 0;
        for (var recipient : settings.digestsDue(now, BATCH)) {
            try {
                if (sendTo(recipient, now)) sent++;
            } catch (RuntimeException e) {
                log.warn("Could not send the digest to colleague {}; will try again", recipient.accountId(), e);
            }
        }
        return sent;
    }

    private boolean sendTo(Viewer r, Instant now) {
        var prefs = settings.of(r.accountId());
        if (prefs.digest().period() == null || prefs.quietAt(now)) return false;
        var account = accounts.find(r.networkId(), r.accountId()).orElse(null);
        if (account == null || !account.active()) return false;
        var since = settings.digestSentAt(r.accountId())
                .orElse(now.minus(prefs.digest().period()));
        long sinceId = Ids.floorOf(since.toEpochMilli());
        var found = sections.since(r, account, sinceId, PER_SECTION);
        if (!found.isEmpty()) {
            mailer.send(
                    compose.compose(account, prefs.digest(), found.mentions(), found.followed(), found.department()));
        }
        settings.digestSent(r.accountId(), now);
        return !found.isEmpty();
    }
}
