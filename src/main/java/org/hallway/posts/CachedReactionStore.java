package org.hallway.posts;

import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The reaction store everyone gets: a like or bookmark, given or taken back, forgets what memory holds
 * of its colleague's marks ({@link ReaderMarks}).
 */
@Primary
@Component
class CachedReactionStore implements ReactionStore {
    private final ReactionStore store;
    private final ReaderMarks marks;

    CachedReactionStore(@Qualifier("jdbcReactionStore") ReactionStore store, ReaderMarks marks) {
        this.store = store;
        this.marks = marks;
    }

    @Override
    public boolean add(Kind kind, long id, long networkId, long accountId, long postId, Instant at) {
        marks.forget(accountId);
        return store.add(kind, id, networkId, accountId, postId, at);
    }

    @Override
    public boolean remove(Kind kind, long accountId, long postId) {
        marks.forget(accountId);
        return store.remove(kind, accountId, postId);
    }

    // Reads pass through.

    @Override
    public List<Long> accountsReacting(Kind kind, long postId, int limit) {
        return store.accountsReacting(kind, postId, limit);
    }

    @Override
    public List<Long> accountsReposting(long postId, int limit) {
        return store.accountsReposting(postId, limit);
    }
}
