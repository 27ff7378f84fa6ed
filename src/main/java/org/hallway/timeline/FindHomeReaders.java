package org.hallway.timeline;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Of some colleagues (those with a home stream open), the ones whose home feed shows a post now: it is
 * in their stored feed, as itself or as the original of a repost, or its author is one they follow
 * above the fan-out limit (merged in at read time); and they may see it. The same rule as reading the
 * home feed, so a live home stream carries exactly what the feed gets.
 */
@Service
public class FindHomeReaders {
    private final FeedStore feeds;
    private final FeedSettings settings;

    FindHomeReaders(FeedStore feeds, FeedSettings settings) {
        this.feeds = feeds;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public Set<Long> handle(long networkId, long postId, Collection<Long> candidates) {
        if (candidates.isEmpty()) return Set.of();
        return feeds.homeReaders(networkId, postId, candidates, settings.fanOutLimit());
    }

    /**
     * Of the candidates, those who may see the post and have not hidden it: with the feeds a fan-out
     * has just written the post to, the readers whose home feed shows it. Needs no feed row, so it is
     * asked while the fan-out writes them (ADR 0080).
     */
    @Transactional(readOnly = true)
    public Set<Long> shownTo(long networkId, long postId, Collection<Long> candidates) {
        if (candidates.isEmpty()) return Set.of();
        return feeds.shownTo(networkId, postId, candidates);
    }

    /** The same for several posts at once (a live stream's batch of new posts): one query. */
    @Transactional(readOnly = true)
    public Map<Long, Set<Long>> handle(long networkId, Collection<Long> postIds, Collection<Long> candidates) {
        if (candidates.isEmpty() || postIds.isEmpty()) return Map.of();
        return feeds.homeReaders(networkId, postIds, candidates, settings.fanOutLimit());
    }
}
