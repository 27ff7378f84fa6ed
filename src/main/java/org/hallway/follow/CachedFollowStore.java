package org.hallway.follow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.shared.KeptAnswers;
import org.hallway.shared.PageRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The follow store everyone gets. It keeps whether a network has anyone above a number of followers
 * (every home page asks whether a widely followed author's posts must be read at read time, ADR 0048),
 * who is above one (every fan-out asks whose posts go to live readers first, ADR 0066), who asked to
 * hear of each author's posts (every new post asks), and each colleague's follower and following
 * counts (every card presented anew asks: the author of each post answered, the authors of a page
 * whose cards expired). They change only by a follow, an unfollow or a change of notify through this
 * store, and each forgets the answers it changes at once and again when its transaction ends ({@link
 * KeptAnswers}).
 */
@Primary
@Component
class CachedFollowStore implements FollowStore {
    private record Question(long networkId, int followers) {}

    private static final Counts NONE = new Counts(0, 0);

    private final FollowStore store;
    private final KeptAnswers<Question, Boolean> anyAbove = new KeptAnswers<>(1_000);
    private final KeptAnswers<Question, Set<Long>> widelyFollowed = new KeptAnswers<>(1_000);
    private final KeptAnswers<Long, List<Long>> notified = new KeptAnswers<>(10_000);
    private final KeptAnswers<Long, Counts> counts = new KeptAnswers<>(50_000);

    CachedFollowStore(@Qualifier("jdbcFollowStore") FollowStore store) {
        this.store = store;
    }

    @Override
    public boolean anyFollowedByMoreThan(long networkId, int followers) {
        return anyAbove.get(
                new Question(networkId, followers), q -> store.anyFollowedByMoreThan(q.networkId(), q.followers()));
    }

    @Override
    public Set<Long> followedByMoreThan(long networkId, int followers) {
        return widelyFollowed.get(
                new Question(networkId, followers), q -> store.followedByMoreThan(q.networkId(), q.followers()));
    }

    @Override
    public Map<Long, Counts> counts(Collection<Long> accountIds) {
        return counts.getAll(accountIds, store::counts, NONE);
    }

    @Override
    public boolean follow(long id, long networkId, long followerId, long followeeId, Instant at) {
        forget(followerId, followeeId);
        return store.follow(id, networkId, followerId, followeeId, at);
    }

    @Override
    public boolean unfollow(long followerId, long followeeId) {
        forget(followerId, followeeId);
        return store.unfollow(followerId, followeeId);
    }

    @Override
    public boolean setNotify(long followerId, long followeeId, boolean notify) {
        notified.forget(followeeId);
        return store.setNotify(followerId, followeeId, notify);
    }

    @Override
    public List<Long> notifiedFollowers(long accountId) {
        return notified.get(accountId, id -> List.copyOf(store.notifiedFollowers(id)));
    }

    private void forget(long followerId, long followeeId) {
        anyAbove.forgetAll();
        widelyFollowed.forgetAll();
        notified.forget(followeeId);
        counts.forget(followerId);
        counts.forget(followeeId);
    }

    // Everything else passes through.

    @Override
    public Set<Long> followingAmong(long accountId, Collection<Long> others) {
        return store.followingAmong(accountId, others);
    }

    @Override
    public Set<Long> notifyingAmong(long accountId, Collection<Long> others) {
        return store.notifyingAmong(accountId, others);
    }

    @Override
    public Set<Long> followedByAmong(long accountId, Collection<Long> others) {
        return store.followedByAmong(accountId, others);
    }

    @Override
    public List<Edge> followers(long accountId, PageRequest page) {
        return store.followers(accountId, page);
    }

    @Override
    public List<Edge> following(long accountId, PageRequest page) {
        return store.following(accountId, page);
    }

    @Override
    public boolean followTag(long networkId, long accountId, String tag, Instant at) {
        return store.followTag(networkId, accountId, tag, at);
    }

    @Override
    public boolean unfollowTag(long accountId, String tag) {
        return store.unfollowTag(accountId, tag);
    }

    @Override
    public Set<String> followedTagsAmong(long accountId, Collection<String> tags) {
        return store.followedTagsAmong(accountId, tags);
    }

    @Override
    public List<String> followedTags(long accountId) {
        return store.followedTags(accountId);
    }
}
