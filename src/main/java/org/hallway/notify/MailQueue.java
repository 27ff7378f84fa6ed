package org.hallway.notify;

import org.springframework.stereotype.Component;

/**
 * Decides whether a new notification waits for mail: the recipient wants its type by mail, is away,
 * and Hallway has an SMTP server. {@link SendAwayMails} collects what waits into one mail per person.
 */
@Component
class MailQueue {
    private final NotificationSettingsStore settings;
    private final PendingMailStore pending;
    private final Presence presence;
    private final SmtpSettings smtp;

    MailQueue(NotificationSettingsStore settings, PendingMailStore pending, Presence presence, SmtpSettings smtp) {
        this.settings = settings;
        this.pending = pending;
        this.presence = presence;
        this.smtp = smtp;
    }

    void offer(Notification n) {
        if (!smtp.enabled()) return;
        if (!settings.of(n.accountId()).byMail().contains(n.type())) return;
        if (!presence.away(n.accountId(), n.createdAt())) return;
        pending.queue(n.id(), n.networkId(), n.accountId(), n.createdAt());
    }
}
