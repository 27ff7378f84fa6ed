package org.hallway.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Ids;
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
            var settled = new ArrayList<Long>();
            var requests = new ArrayList<Request>();
            try {
                requests.addAll(dueNow(due, now));
                var found =
                        sections.since(requests.stream().map(Request::catchUp).toList(), PER_SECTION);
                for (var request : requests) {
                    long id = request.catchUp().reader().accountId();
                    var sections = found.get(id);
                    if (sections == null || sections.isEmpty()) {
                        // Nothing happened: the digest counts as sent all the same.
                        settled.add(id);
                        continue;
                    }
                    try {
                        var account = request.catchUp().account();
                        mails.put(
                                compose.compose(
                                        account,
                                        request.digest(),
                                        sections.mentions(),
                                        sections.followed(),
                                        sections.department()),
                                id);
                    } catch (RuntimeException e) {
                        log.warn("Could not write the digest to colleague {}; will try again", id, e);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Could not write a batch of {} digests; will try again", due.size(), e);
            }
            var refused = Collections.newSetFromMap(new IdentityHashMap<Mailer.Mail, Boolean>());
            refused.addAll(mailer.sendAll(List.copyOf(mails.keySet())));
            for (var entry : mails.entrySet()) {
                if (refused.contains(entry.getKey())) continue;
                settled.add(entry.getValue());
                sent++;
            }
            settings.digestsSent(settled, now);
            // A full batch that moved on asks for the next; one that settled nobody waits for the next run.
            if (due.size() < BATCH || settled.isEmpty()) return sent;
        }
    }

    /** A digest to write now: whose, from which post on, and which kind. */
    private record Request(CatchUpSections.Request catchUp, NotificationSettings.Digest digest) {}

    /**
     * The due digests that are to be written now (not in quiet hours, the account still active), each
     * with the post id it starts after: the last digest, or one period ago.
     */
    private List<Request> dueNow(List<NotificationSettingsStore.DueDigest> due, Instant now) {
        var idsByNetwork = new HashMap<Long, List<Long>>();
        for (var d : due)
            idsByNetwork
                    .computeIfAbsent(d.reader().networkId(), n -> new ArrayList<>())
                    .add(d.reader().accountId());
        var accountsByNetwork = new HashMap<Long, Map<Long, Account>>();
        idsByNetwork.forEach((network, ids) -> accountsByNetwork.put(network, accounts.findAll(network, ids)));
        var result = new ArrayList<Request>();
        for (var d : due) {
            var r = d.reader();
            var prefs = settings.of(r.accountId());
            if (prefs.digest().period() == null || prefs.quietAt(now)) continue;
            var account = accountsByNetwork.get(r.networkId()).get(r.accountId());
            if (account == null || !account.active()) continue;
            var since =
                    d.sentAt() != null ? d.sentAt() : now.minus(prefs.digest().period());
            result.add(new Request(
                    new CatchUpSections.Request(r, account, Ids.floorOf(since.toEpochMilli())), prefs.digest()));
        }
        return result;
    }
}
