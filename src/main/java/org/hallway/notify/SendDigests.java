package org.hallway.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Ids;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the daily or weekly digest to those who asked for it: mentions and replies since the last
 * digest, then posts of the people they follow, then what was popular in their department, each
 * ranked by reactions and each checked against the reader's audience. Nothing during quiet hours;
 * no mail when nothing happened. The due digests are written a batch at a time and the batch is sent
 * over as few SMTP connections as the server allows ({@link Mailer#sendAll}); a digest counts as sent
 * only once the server took it, so one it refused is tried again at the next run.
 */
@Service
public class SendDigests {
    private static final Logger log = LoggerFactory.getLogger(SendDigests.class);
    /** Digests written, then sent over one connection, then marked sent, at a time: progress shows as it goes. */
    private static final int BATCH = 100;

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
        int sent = 0;
        while (true) {
            // Each batch is marked sent as of when it was written: what happens later is in the next digest.
            var now = clock.instant();
            var due = settings.digestsDue(now, BATCH);
            var mails = new IdentityHashMap<Mailer.Mail, Long>();
            int settled = 0;
            for (var recipient : due) {
                try {
                    var written = write(recipient, now);
                    if (!written.due()) continue;
                    if (written.mail() == null) {
                        settings.digestSent(recipient.accountId(), now);
                        settled++;
                    } else mails.put(written.mail(), recipient.accountId());
                } catch (RuntimeException e) {
                    log.warn("Could not write the digest to colleague {}; will try again", recipient.accountId(), e);
                }
            }
            var refused = Collections.newSetFromMap(new IdentityHashMap<Mailer.Mail, Boolean>());
            refused.addAll(mailer.sendAll(List.copyOf(mails.keySet())));
            for (var entry : mails.entrySet()) {
                if (refused.contains(entry.getKey())) continue;
                settings.digestSent(entry.getValue(), now);
                settled++;
                sent++;
            }
            // A full batch that moved on asks for the next; one that settled nobody waits for the next run.
            if (due.size() < BATCH || settled == 0) return sent;
        }
    }

    /**
     * One colleague's digest as written now: a mail; no mail as nothing happened (the digest counts as
     * sent all the same); or not due now (quiet hours, an account gone).
     */
    private record Written(Mailer.@Nullable Mail mail, boolean due) {
        static final Written NOT_NOW = new Written(null, false);
        static final Written NOTHING = new Written(null, true);
    }

    private Written write(Viewer r, Instant now) {
        var prefs = settings.of(r.accountId());
        if (prefs.digest().period() == null || prefs.quietAt(now)) return Written.NOT_NOW;
        var account = accounts.find(r.networkId(), r.accountId()).orElse(null);
        if (account == null || !account.active()) return Written.NOT_NOW;
        var since = settings.digestSentAt(r.accountId())
                .orElse(now.minus(prefs.digest().period()));
        long sinceId = Ids.floorOf(since.toEpochMilli());
        var found = sections.since(r, account, sinceId, PER_SECTION);
        if (found.isEmpty()) return Written.NOTHING;
        return new Written(
                compose.compose(account, prefs.digest(), found.mentions(), found.followed(), found.department()), true);
    }
}
