package org.hallway.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.shared.Ids;
import org.hallway.shared.PageRequest;
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
    private final NotificationStore notifications;
    private final ReadNotifications reader;
    private final DigestSource source;
    private final FindPosts posts;
    private final AccountStore accounts;
    private final DigestMail compose;
    private final Mailer mailer;
    private final Clock clock;

    SendDigests(
            NotificationSettingsStore settings,
            NotificationStore notifications,
            ReadNotifications reader,
            DigestSource source,
            FindPosts posts,
            AccountStore accounts,
            DigestMail compose,
            Mailer mailer,
            Clock clock) {
        this.settings = settings;
        this.notifications = notifications;
        this.reader = reader;
        this.source = source;
        this.posts = posts;
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
        var mentions = reader.views(
                r,
                notifications.page(
                        r,
                        new NotificationStore.Filter(
                                EnumSet.of(NotificationType.MENTION, NotificationType.REPLY), null),
                        new PageRequest(null, sinceId, null, PER_SECTION * 2)));
        var seen = new HashSet<Long>();
        mentions.stream()
                .map(m -> m.post() == null ? null : m.post().post().id())
                .filter(Objects::nonNull)
                .forEach(seen::add);
        var followedIds = source.fromFollowed(r, sinceId, PER_SECTION).stream()
                .filter(seen::add)
                .toList();
        List<Long> departmentIds = account.department().isBlank()
                ? List.of()
                : source.popularInDepartment(r, account.department(), sinceId, PER_SECTION * 2).stream()
                        .filter(seen::add)
                        .limit(PER_SECTION)
                        .toList();
        var followed = posts.hydrate(r, followedIds);
        var department = posts.hydrate(r, departmentIds);
        if (!mentions.isEmpty() || !followed.isEmpty() || !department.isEmpty()) {
            mailer.send(compose.compose(account, prefs.digest(), mentions, followed, department));
        }
        settings.digestSent(r.accountId(), now);
        return !mentions.isEmpty() || !followed.isEmpty() || !department.isEmpty();
    }
}
