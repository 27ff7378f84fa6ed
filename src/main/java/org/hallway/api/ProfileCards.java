package org.hallway.api;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hallway.api.entity.Account;
import org.hallway.directory.ProfileFieldRemoved;
import org.hallway.directory.ScimChanged;
import org.hallway.identity.AccountDeactivated;
import org.hallway.identity.AccountProvisioned;
import org.hallway.identity.AccountReactivated;
import org.hallway.identity.AccountStore;
import org.hallway.identity.ManagerChanged;
import org.hallway.identity.ProfileUpdated;
import org.hallway.shared.Caches;
import org.hallway.shared.SpreadLifetime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The parts of a colleague's {@code Account} that change rarely, kept in memory (ADR 0041): the manager
 * and the profile fields (phone, skills, the administrator's typed fields, their own). Presenting them
 * costs three or four queries (manager, profiles, field definitions, the people that person fields
 * name); a page of accounts, mention autocomplete above all, then costs only its counters, which are
 * read fresh every time.
 *
 * <p>A part is used only while the colleague's account row, read fresh for every page, is the one it
 * was made from. Any change that can alter a part (a profile edit, which also renames a manager or a
 * person named in a field; a manager change, a newcomer or a deactivation, whether by hand, by a
 * directory sync or by SCIM; any SCIM change; a removed field definition) forgets every part, at
 * once and again when its transaction ends, so it shows on the next read; a directory sync that
 * changed nothing forgets none (it runs every hour). Each part records whom it names, so that a
 * guest's presentation can leave out the people beyond their groups; the parts themselves are the
 * same for every reader.
 */
@Component
class ProfileCards {
    /**
     * A backstop only: every known change forgets the parts at once. Long, and spread per colleague (ADR
     * 0075): a part is loaded again when its colleague's card is presented anew, a batch per page, and
     * parts that expire together or often add their statements to most of those batches.
     */
    static final Duration LIFETIME = Duration.ofHours(1);

    /** A person a profile names. */
    record Named(long id, String username, String displayName) {}

    /** A field as presented, and the person it names, if any. */
    record NamedField(Account.Field field, @Nullable Long names) {}

    /** The rarely changing part of one colleague's account, as made from {@code source} at {@code base}. */
    record Part(org.hallway.identity.Account source, String base, @Nullable Named manager, List<NamedField> fields) {

        /** The people this part names. */
        Set<Long> named() {
            var ids = new HashSet<Long>();
            if (manager != null) ids.add(manager.id());
            for (var f : fields) if (f.names() != null) ids.add(f.names());
            return ids;
        }
    }

    private final AccountStore accounts;
    private final ProfileFieldsPresenter profileFields;
    private final Cache<Long, Part> parts = Caches.newBuilder()
            .maximumSize(50_000)
            .expireAfter(SpreadLifetime.<Long, Part>afterWrite(LIFETIME, Long::longValue))
            .build();

    /** Counts every forgetting: a part loaded while one happened is not kept, it may be older than it. */
    private final AtomicLong generation = new AtomicLong();

    ProfileCards(AccountStore accounts, ProfileFieldsPresenter profileFields) {
        this.accounts = accounts;
        this.profileFields = profileFields;
    }

    /** The parts of a page of accounts: those not kept (or made from another row) loaded in one batch. */
    Map<Long, Part> of(Collection<org.hallway.identity.Account> list, String base) {
        var result = new HashMap<Long, Part>();
        var missing = new ArrayList<org.hallway.identity.Account>();
        for (var a : list) {
            var part = parts.getIfPresent(a.id());
            if (part != null && part.source().equals(a) && part.base().equals(base)) result.put(a.id(), part);
            else missing.add(a);
        }
        if (missing.isEmpty()) return result;
        long before = generation.get();
        var loaded = load(missing, base);
        for (var part : loaded) {
            var id = part.source().id();
            result.put(id, part);
            if (generation.get() != before) continue;
            parts.put(id, part);
            // Forgotten meanwhile (between the check and the put): the part may be older than the change.
            if (generation.get() != before) parts.invalidate(id);
        }
        return result;
    }

    private List<Part> load(List<org.hallway.identity.Account> list, String base) {
        var managerIds = list.stream()
                .map(org.hallway.identity.Account::managerId)
                .filter(Objects::nonNull)
                .toList();
        var managers = managerIds.isEmpty()
                ? Map.<Long, org.hallway.identity.Account>of()
                : accounts.findAll(list.getFirst().networkId(), managerIds);
        var fields = profileFields.fields(list, base);
        var result = new ArrayList<Part>(list.size());
        for (var a : list) {
            var m = a.managerId() == null ? null : managers.get(a.managerId());
            result.add(new Part(
                    a,
                    base,
                    m == null ? null : new Named(m.id(), m.username(), m.displayName()),
                    fields.getOrDefault(a.id(), List.of())));
        }
        return result;
    }

    @EventListener
    void on(ProfileUpdated event) {
        forgetAll();
    }

    @EventListener
    void on(ManagerChanged event) {
        forgetAll();
    }

    @EventListener
    void on(AccountProvisioned event) {
        forgetAll();
    }

    @EventListener
    void on(AccountDeactivated event) {
        forgetAll();
    }

    @EventListener
    void on(AccountReactivated event) {
        forgetAll();
    }

    @EventListener
    void on(ScimChanged event) {
        forgetAll();
    }

    @EventListener
    void on(ProfileFieldRemoved event) {
        forgetAll();
    }

    /** Forgets every part now and again when the current transaction ends (its change is then visible). */
    void forgetAll() {
        generation.incrementAndGet();
        parts.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    parts.invalidateAll();
                }
            });
        }
    }
}
