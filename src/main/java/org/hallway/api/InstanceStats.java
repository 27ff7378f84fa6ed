package org.hallway.api;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.hallway.identity.AccountStore;
import org.hallway.posts.PostStore;
import org.hallway.shared.Caches;
import org.springframework.stereotype.Component;

/**
 * The user and post counts the instance entities and nodeinfo show. Apps fetch these on every start,
 * and counting a large network's posts each time is wasted work: like Mastodon, the figures may be a
 * minute old.
 */
@Component
class InstanceStats {
    record Counts(long users, long posts) {}

    private final LoadingCache<Long, Counts> counts;

    InstanceStats(AccountStore accounts, PostStore posts) {
        this.counts = Caches.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build(network -> new Counts(accounts.countActive(network), posts.countPosts(network)));
    }

    Counts of(long networkId) {
        return counts.get(networkId);
    }
}
