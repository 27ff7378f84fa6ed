package org.hallway.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import org.hallway.shared.KeptAnswers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Remembers which colleagues muted no thread at all, so a page of posts for one of them (most
 * colleagues) asks the database nothing about muted threads.
 *
 * <p>Every mute and unmute goes through this store and forgets the colleague at once and again when
 * its transaction ends ({@link KeptAnswers}).
 */
@Primary
@Component
class CachedConversationMuteStore implements ConversationMuteStore {
    private final ConversationMuteStore store;
    private final KeptAnswers<Long, Boolean> mutesAny = new KeptAnswers<>(100_000);

    CachedConversationMuteStore(@Qualifier("jdbcConversationMuteStore") ConversationMuteStore store) {
        this.store = store;
    }

    @Override
    public boolean mutesAny(long accountId) {
        return mutesAny.get(accountId, store::mutesAny);
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
        mutesAny.forget(accountId);
    }
}
