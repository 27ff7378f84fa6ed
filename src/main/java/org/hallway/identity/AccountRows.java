package org.hallway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.Caches;
import org.hallway.shared.WritingTransaction;
import org.springframework.stereotype.Component;

/**
 * Colleagues' account rows kept in memory (ADR 0047): every page of posts names its authors, and
 * reading their rows was a statement per page.
 *
 * <p>Every write of a row goes through {@link CachedAccountStore} or {@link CachedDirectoryAccounts},
 * which forget the colleague at once and again when the transaction ends, committed or rolled back;
 * only reads outside a writing transaction fill the cache. A read that ran while any account was
 * written keeps nothing: one counter for all, moved by every forgetting (account writes are rare).
 *
 * <p>Usernames (every mention in a new post names one) lead to the id of the row that had the name
 * when it was read; a name is answered from memory only while that row is held and still has it, so a
 * rename or a name passed on to another colleague reads storage again.
 */
@Component
class AccountRows {
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Long, Account> rows = Caches.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    private record Name(long networkId, String username) {}

    private final Cache<Name, Long> names = Caches.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    /** The network's account with this username (any case), from memory or else with {@code load}. */
    Optional<Account> findByUsername(long networkId, String username, Function<String, Optional<Account>> load) {
        var name = new Name(networkId, username.toLowerCase(Locale.ROOT));
        var id = names.getIfPresent(name);
        var row = id == null ? null : rows.getIfPresent(id);
        if (row != null && row.networkId() == networkId && row.username().equalsIgnoreCase(username))
            return Optional.of(row);
        long before = generation.get();
        var found = load.apply(username);
        if (found.isPresent() && !WritingTransaction.active() && generation.get() == before) {
            rows.put(found.get().id(), found.get());
            names.put(name, found.get().id());
        }
        return found;
    }

    /** The accounts of the network among {@code ids}, those not in memory read with {@code load}. */
    Map<Long, Account> findAll(
            long networkId, Collection<Long> ids, Function<Collection<Long>, Map<Long, Account>> load) {
        var result = new HashMap<Long, Account>();
        List<Long> missing = new ArrayList<>();
        for (var id : ids) {
            var row = rows.getIfPresent(id);
            if (row != null && row.networkId() == networkId) result.put(id, row);
            else missing.add(id);
        }
        if (missing.isEmpty()) return result;
        long before = generation.get();
        var found = load.apply(missing);
        result.putAll(found);
        if (!WritingTransaction.active() && generation.get() == before) rows.putAll(found);
        return result;
    }

    /** Forgets a colleague's row now and again when the current transaction ends. */
    void forget(long accountId) {
        Runnable run = () -> {
            generation.incrementAndGet();
            rows.invalidate(accountId);
        };
        run.run();
        AfterCommit.whenEnded(run);
    }
}
