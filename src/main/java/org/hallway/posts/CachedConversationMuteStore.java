package org.hallway.posts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.hallway.shared.AfterCommit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Remembers which colleagues muted no thread at all, so a page of posts for one of them (most
 * colleagues) asks the database nothing about muted threads.
 *
 * <p>Every mute and unmute goes through this store and forgets the colleague at once and again when
 * its transaction ends. A reader that was asking while a mute committed must not put the older answer
 * back: every forgetting moves a counter, and a reader keeps its answer only when the counter did not
 * move between its query and its put.
 */
@Primary
@Component
class CachedConversationMuteStore implements ConversationMuteStore {
    private final ConversationMuteStore store;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Long, Boolean> mutesAny = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    CachedConversationMuteStore(@Qualifier("jdbcConversationMuteStore") ConversationMuteStore store) {
        this.store = store;
    }

    @Override
    public boolean mutesAny(long accountId) {
        var known = mutesAny.getIfPresent(accountId);
        if (known != null) return known;
        long before = generation.get();
        boolean any = store.mutesAny(accountId);
        if (generation.get() == before) mutesAny.put(accountId, any);
        return any;
    }

    @Override
    public Set<Long> mutedAmong(long accountId, Collection<Long> postIds) {
        if (postIds.isEmpty() || !mutesAny(accountId)) return Set.of();
        return store.mutedAmong(accountId, postIds);
    }

    @Override
    public void mute(long networkId, long accountId, long rootId, Instant at) {
        forget(accountId);
        store.mute(networkId, accountId, rootId, at);
    }

    @Override
    public void unmute(long accountId, long rootId) {
        forget(accountId);
        store.unmute(accountId, rootId);
    }

    @Override
    public long rootOf(long postId) {
        return store.rootOf(postId);
    }

    private void forget(long accountId) {
        Runnable run = () -> {
            generation.incrementAndGet();
            mutesAny.invalidate(accountId);
        };
        run.run();
        AfterCommit.whenEnded(run);
    }
}
