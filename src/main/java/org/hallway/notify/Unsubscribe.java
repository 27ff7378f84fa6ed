package org.hallway.notify;

import org.hallway.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stops one type of mail for the colleague an unsubscribe link was made for; no sign-in needed. */
@Service
public class Unsubscribe {
    private final MailLinks links;
    private final NotificationSettingsStore settings;

    Unsubscribe(MailLinks links, NotificationSettingsStore settings) {
        this.links = links;
        this.settings = settings;
    }

    /** The kind of mail now stopped; a forged or damaged token changes nothing. */
    @Transactional
    public MailLinks.Subscription handle(String token) {
        var s = links.verify(token)
                .orElseThrow(() -> new InvalidInputException("token", "This unsubscribe link is not valid"));
        var current = settings.of(s.accountId());
        var changed = s.kind().equals(MailLinks.DIGEST)
                ? current.withoutDigest()
                : current.withoutMail(NotificationType.of(s.kind()).orElseThrow());
        settings.save(s.networkId(), s.accountId(), changed);
        return s;
    }
}
