package org.hallway.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.hallway.directory.SyncRun.Outcome;
import org.hallway.directory.SyncRun.Trigger;
import org.hallway.identity.ChangeManager;
import org.hallway.identity.DeactivateAccount;
import org.hallway.identity.DirectoryAccounts;
import org.hallway.identity.ProvisionFromDirectory;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the directory network's accounts in line with LDAP: creates the people who are new,
 * refreshes everyone's work context and manager, deactivates those the directory no longer lists
 * (or lists as disabled), and mirrors the groups.
 *
 * <p>A broken directory must never deactivate the company. The directory is read completely before
 * anything is written; a read that fails or times out, or that returns more than
 * {@code HALLWAY_LDAP_SYNC_MAX_DROP_PERCENT} fewer people than the last good sync, changes nothing.
 * The changes themselves are one transaction: all or nothing. Every run is recorded, and a run that
 * changed nothing for such a reason is logged as a warning and shown to administrators.
 */
@Service
public class SyncDirectory {
    private static final Logger log = LoggerFactory.getLogger(SyncDirectory.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DirectorySource directory;
    private final DirectoryNetwork network;
    private final LdapSettings settings;
    private final Changes changes;
    private final SyncRunStore runs;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ReentrantLock running = new ReentrantLock();

    SyncDirectory(
            DirectorySource directory,
            DirectoryNetwork network,
            LdapSettings settings,
            Changes changes,
            SyncRunStore runs,
            Ids ids,
            Clock clock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.directory = directory;
        this.network = network;
        this.settings = settings;
        this.changes = changes;
        this.runs = runs;
        this.ids = ids;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
    }

    /** An administrator's "sync now". */
    public SyncRun handle(Viewer admin) {
        if (!admin.admin()) throw new ForbiddenException("Only administrators can sync the directory");
        if (!directory.configured()) throw new InvalidInputException("ldap", "No LDAP directory is configured");
        if (!network.serves(admin.networkId())) {
            throw new InvalidInputException("ldap", "The LDAP directory serves another network");
        }
        return run(admin.networkId(), Trigger.MANUAL);
    }

    /** The scheduled sync, for the network the directory serves. */
    public void scheduled() {
        if (!directory.configured()) return;
        network.current().ifPresent(id -> run(id, Trigger.SCHEDULED));
    }

    private SyncRun run(long networkId, Trigger trigger) {
        if (!running.tryLock()) throw new InvalidInputException("ldap", "A sync is already running");
        try {
            var started = clock.instant();
            Counts counts;
            Outcome outcome;
            String message;
            int seen = 0;
            try {
                var snapshot = directory.read();
                var people =
                        snapshot.people().stream().filter(p -> !p.disabled()).toList();
                seen = people.size();
                var refusal = refusal(networkId, people.size());
                if (refusal != null) {
                    outcome = Outcome.REFUSED;
                    message = refusal;
                    counts = Counts.NONE;
                } else {
                    counts = transactions.execute(tx -> changes.apply(networkId, people, snapshot.groups()));
                    outcome = Outcome.SUCCEEDED;
                    message = counts.skipped() == 0
                            ? ""
                            : counts.skipped() + " entries without a valid e-mail address were skipped";
                }
            } catch (RuntimeException e) {
                log.warn("LDAP sync failed", e);
                outcome = Outcome.FAILED;
                message = (e instanceof DirectorySource.DirectoryUnavailable
                                ? e.getMessage()
                                : "The changes could not be stored: "
                                        + e.getClass().getSimpleName())
                        + ". Nothing was changed.";
                counts = Counts.NONE;
            }
            var run = new SyncRun(
                    ids.next(),
                    networkId,
                    trigger,
                    outcome,
                    started,
                    clock.instant(),
                    seen,
                    counts.created(),
                    counts.updated(),
                    counts.deactivated(),
                    message);
            if (!run.succeeded()) log.warn("LDAP sync {}: {}", outcome.code(), message);
            transactions.executeWithoutResult(tx -> {
                runs.insert(run);
                events.publishEvent(new DirectorySynced(
                        networkId, run.id(), trigger.code(), run.outcome().code(), summary(run)));
            });
            return run;
        } finally {
            running.unlock();
        }
    }

    /** Why applying this read would be unsafe, or null. */
    private String refusal(long networkId, int people) {
        int before = runs.lastSucceeded(networkId).map(SyncRun::seen).orElse(changes.activeLinked(networkId));
        if (before == 0) return null;
        int drop = (int) Math.ceil((before - people) * 100.0 / before);
        if (drop <= settings.syncMaxDropPercent()) return null;
        return "The directory listed " + people + " people, " + before + " at the last sync: " + drop
                + "% fewer, more than the " + settings.syncMaxDropPercent()
                + "% allowed. Nothing was changed; check the directory, then sync again.";
    }

    private static String summary(SyncRun run) {
        if (!run.succeeded()) return run.message();
        return run.seen() + " people in the directory: " + run.created() + " added, " + run.updated() + " updated, "
                + run.deactivated() + " deactivated";
    }

    record Counts(int created, int updated, int deactivated, int skipped) {
        static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    /** The writes of one sync, inside its transaction. */
    @org.springframework.stereotype.Component
    static class Changes {
        private final ProvisionFromDirectory provision;
        private final DirectoryAccounts accounts;
        private final DeactivateAccount deactivate;
        private final DirectoryGroupStore groups;
        private final Clock clock;
        private final ApplicationEventPublisher events;
        private final ChangeManager changeManager;

        Changes(
                ProvisionFromDirectory provision,
                DirectoryAccounts accounts,
                DeactivateAccount deactivate,
                DirectoryGroupStore groups,
                Clock clock,
                ApplicationEventPublisher events,
                ChangeManager changeManager) {
            this.changeManager = changeManager;
            this.provision = provision;
            this.accounts = accounts;
            this.deactivate = deactivate;
            this.groups = groups;
            this.clock = clock;
            this.events = events;
        }

        int activeLinked(long networkId) {
            return (int) accounts.linked(networkId, SignInWithLdap.SOURCE).stream()
                    .filter(DirectoryAccounts.Linked::active)
                    .count();
        }

        Counts apply(long networkId, List<DirectoryPerson> people, List<DirectoryGroup> directoryGroups) {
            int deactivated = 0, skipped = 0;
            var created = new HashSet<Long>();
            var byDn = new HashMap<String, Long>();
            var listed = new HashSet<String>();
            var changed = new HashSet<Long>();
            for (var person : people) {
                listed.add(person.externalId());
                if (!EMAIL.matcher(person.email()).matches()) {
                    skipped++;
                    continue;
                }
                var result = provision.handle(networkId, SignInWithLdap.profile(person), true);
                byDn.put(person.dn(), result.account().id());
                switch (result.change()) {
                    case CREATED -> created.add(result.account().id());
                    case UPDATED -> changed.add(result.account().id());
                    case UNCHANGED -> {}
                }
            }
            for (var person : people) {
                var id = byDn.get(person.dn());
                if (id == null) continue;
                var manager = person.managerDn() == null ? null : byDn.get(person.managerDn());
                if (changeManager.handle(networkId, id, manager)) changed.add(id);
            }
            for (var linked : accounts.linked(networkId, SignInWithLdap.SOURCE)) {
                if (linked.active() && !listed.contains(linked.externalId())) {
                    if (deactivate.byDirectory(networkId, linked.accountId(), SignInWithLdap.SOURCE)) deactivated++;
                }
            }
            var mirrored = new ArrayList<DirectoryGroupStore.Group>();
            for (var g : directoryGroups) {
                var members = g.memberDns().stream()
                        .map(byDn::get)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
                mirrored.add(new DirectoryGroupStore.Group(g.externalId(), g.name(), members));
            }
            var mirroredIds = groups.replace(networkId, SignInWithLdap.SOURCE, mirrored, clock.instant());
            // Groups bound to these follow inside this transaction: all or nothing with the sync.
            events.publishEvent(new DirectoryGroupsChanged(networkId, mirroredIds));
            // A colleague created in this run also got a manager: that is part of being created.
            changed.removeAll(created);
            return new Counts(created.size(), changed.size(), deactivated, skipped);
        }
    }
}
