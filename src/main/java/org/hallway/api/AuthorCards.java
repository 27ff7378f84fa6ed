package org.hallway.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Interner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hallway.api.entity.Account;
import org.hallway.identity.ManagerChanged;
import org.hallway.identity.ProfileUpdated;
import org.hallway.shared.Caches;
import org.hallway.shared.SpreadLifetime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The authors of statuses as Mastodon's {@code Account}, kept in memory for a short while (ADR 0028): a
 * feed page shows the same few authors again and again, and presenting one gathers its counters and
 * profile parts from their own caches (ADRs 0041, 0076) and builds the entity anew. A card is used
 * only while the colleague's account row (kept in memory and forgotten on every write, ADR 0047) is
 * still the one it was made from, so a new name, bio, title or a deactivation shows on the next read;
 * a change of profile fields or manager forgets it; counters in it are at most {@link #LIFETIME} old,
 * each card living from two thirds of that to all of it, so cards made together expire apart (ADR
 * 0075). Account pages themselves ({@code /api/v1/accounts/:id}) are always presented fresh.
 */
@Component
class AuthorCards {
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private record Card(org.hallway.identity.Account source, String base, Account entity) {}

    private final Cache<Long, Card> cards = Caches.newBuilder()
            .maximumSize(20_000)
            .expireAfter(SpreadLifetime.<Long, Card>afterWrite(LIFETIME, Long::longValue))
            .build();

    /**
     * One instance per card value: the kept text of statuses is keyed by the card's identity (ADR 0047),
     * so a card presented anew with the same values, or a guest's card presented again, must be the
     * instance already in use to find that text.
     */
    private final Interner<Account> shared = Interner.newWeakInterner();

    /** The cards of {@code people}, presenting those not cached (or changed) with {@code present} in one batch. */
    Map<Long, Account> of(
            Collection<org.hallway.identity.Account> people,
            String base,
            Function<Collection<org.hallway.identity.Account>, List<Account>> present) {
        var result = new HashMap<Long, Account>();
        var missing = new ArrayList<org.hallway.identity.Account>();
        for (var a : people) {
            var card = cards.getIfPresent(a.id());
            if (card != null && card.source().equals(a) && card.base().equals(base)) result.put(a.id(), card.entity());
            else missing.add(a);
        }
        if (missing.isEmpty()) return result;
        var presented = present.apply(missing);
        for (int i = 0; i < missing.size(); i++) {
            var a = missing.get(i);
            var entity = shared(presented.get(i));
            cards.put(a.id(), new Card(a, base, entity));
            result.put(a.id(), entity);
        }
        return result;
    }

    /** The instance in use for a card of these values (this one if none is). */
    Account shared(Account card) {
        return shared.intern(card);
    }

    @EventListener
    void on(ProfileUpdated event) {
        forget(event.accountId());
    }

    @EventListener
    void on(ManagerChanged event) {
        forget(event.accountId());
    }

    /** Forgets a colleague's card now and again when the current transaction ends. */
    void forget(long accountId) {
        cards.invalidate(accountId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cards.invalidate(accountId);
                }
            });
        }
    }
}
