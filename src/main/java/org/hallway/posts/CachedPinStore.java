package org.hallway.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hallway.shared.KeptAnswers;
import org.hallway.shared.Viewer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The pin store everyone gets. It keeps the posts each colleague pinned (a feed page asks which of the
 * reader's own posts on it are pinned): only the colleague changes them, by a pin or an unpin through
 * this store, and each forgets that colleague's answer at once and again when its transaction ends
 * ({@link KeptAnswers}).
 */
@Primary
@Component
class CachedPinStore implements PinStore {
    private final PinStore store;
    private final KeptAnswers<Long, Set<Long>> pinned = new KeptAnswers<>(100_000);

    CachedPinStore(@Qualifier("jdbcPinStore") PinStore store) {
        this.store = store;
    }

    @Override
    public Set<Long> pinnedAmong(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty()) return Set.of();
        var all = pinnedBy(accountId);
        if (all.isEmpty()) return Set.of();
        var result = new HashSet<Long>();
        for (var id : postIds) if (all.contains(id)) result.add(id);
        return result;
    }

    @Override
    public Set<Long> pinnedBy(long accountId) {
        return pinned.get(accountId, store::pinnedBy);
    }

    @Override
    public boolean pin(long id, long networkId, long accountId, long postId, Instant at) {
        pinned.forget(accountId);
        return store.pin(id, networkId, accountId, postId, at);
    }

    @Override
    public boolean unpin(long accountId, long postId) {
        pinned.forget(accountId);
        return store.unpin(accountId, postId);
    }

    // Everything else passes through.

    @Override
    public int count(long accountId) {
        return store.count(accountId);
    }

    @Override
    public List<Long> pinnedOf(Viewer viewer, long accountId) {
        return store.pinnedOf(viewer, accountId);
    }
}
