package org.hallway.filters;

import java.util.List;
import java.util.Optional;
import org.hallway.shared.KeptAnswers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Keeps each reader's filters in memory: every feed page asks for them twice (hide, then mark), and
 * they change only when their owner edits them (ADR 0028). Every write goes through here and forgets
 * at once and again when its transaction ends ({@link KeptAnswers}).
 */
@Primary
@Component
class CachedFilterStore implements FilterStore {
    private final FilterStore store;
    private final KeptAnswers<Long, List<Filter>> byAccount = new KeptAnswers<>(50_000);

    CachedFilterStore(@Qualifier("jdbcFilterStore") FilterStore store) {
        this.store = store;
    }

    @Override
    public List<Filter> ofAccount(long accountId) {
        return byAccount.get(accountId, id -> List.copyOf(store.ofAccount(id)));
    }

    @Override
    public void save(Filter filter) {
        forget();
        store.save(filter);
    }

    @Override
    public void delete(long filterId) {
        forget();
        store.delete(filterId);
    }

    @Override
    public Optional<Filter> find(long accountId, long filterId) {
        return store.find(accountId, filterId);
    }

    /** Filters change rarely: any change forgets everyone's, now and when the transaction ends. */
    private void forget() {
        byAccount.forgetAll();
    }
}
