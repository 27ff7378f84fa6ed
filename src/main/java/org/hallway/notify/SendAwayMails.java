package org.hallway.notify;

import java.time.Clock;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Mails colleagues who are away what waited for them: everything queued for one person goes into one
 * mail, once. A notification whose post the recipient may no longer see, or whose type they stopped
 * wanting by mail, is dropped; nothing is sent during quiet hours (it waits); a colleague who came back
 * reads it in the app instead. A failed send puts the notifications back for the next run.
 */
@Service
public class SendAwayMails {
    private static final Logger log = LoggerFactory.getLogger(SendAwayMails.class);
    private static final int BATCH = 500;

    private final PendingMailStore pending;
    private final NotificationSettingsStore settings;
    private final Presence presence;
    private final AccountStore accounts;
    private final ReadNotifications reader;
    private final AwayMail compose;
    private final Mailer mailer;
    private final MailSettings mailSettings;
    private final Clock clock;

    SendAwayMails(
            PendingMailStore pending,
            NotificationSettingsStore settings,
            Presence presence,
            AccountStore accounts,
            ReadNotifications reader,
            AwayMail compose,
            Mailer mailer,
            MailSettings mailSettings,
            Clock clock) {
        this.pending = pending;
        this.settings = settings;
        this.presence = presence;
        this.accounts = accounts;
        this.reader = reader;
        this.compose = compose;
        this.mailer = mailer;
        this.mailSettings = mailSettings;
        this.clock = clock;
    }

    /** Sends what is due; returns the number of mails sent. */
    public int handle() {
        var now = clock.instant();
        int sent = 0;
        for (var recipient : pending.recipientsDue(now.minus(mailSettings.batchDelay()), BATCH)) {
            try {
                if (sendTo(recipient)) sent++;
            } catch (RuntimeException e) {
                log.warn("Could not mail colleague {}; will try again", recipient.accountId(), e);
            }
        }
        return sent;
    }

    private boolean sendTo(Viewer recipient) {
        var now = clock.instant();
        var prefs = settings.of(recipient.accountId());
        if (prefs.quietAt(now)) return false;
        var waiting = pending.waitingFor(recipient);
        var claimed = new java.util.HashSet<>(
                pending.claim(waiting.stream().map(w -> w.notification().id()).toList()));
        var account =
                accounts.find(recipient.networkId(), recipient.accountId()).orElse(null);
        if (account == null || !account.active() || !presence.away(recipient.accountId(), now)) return false;
        var wanted = waiting.stream()
                .filter(w -> claimed.contains(w.notification().id()))
                .filter(PendingMailStore.Pending::visible)
                .map(PendingMailStore.Pending::notification)
                .filter(n -> prefs.byMail().contains(n.type()))
                .toList();
        var items = reader.views(recipient, wanted);
        if (items.isEmpty()) return false;
        try {
            mailer.send(compose.compose(account, items));
            return true;
        } catch (RuntimeException e) {
            for (var n : wanted) pending.queue(n.id(), n.networkId(), n.accountId(), n.createdAt());
            throw e;
        }
    }
}
