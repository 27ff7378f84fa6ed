package org.hallway.follow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.shared.PageRequest;

/** Port: the follow graph of people and hashtags, with per-account counts. */
public interface FollowStore {
    record Counts(int followers, int following) {}

    /** A follow edge; its own id pages follower and following lists. */
    record Edge(long id, long accountId) {}

    boolean follow(long id, long networkId, long followerId, long followeeId, Instant at);

    boolean unfollow(long followerId, long followeeId);

    /** Of {@code others}, those {@code accountId} follows. */
    Set<Long> followingAmong(long accountId, Collection<Long> others);

    /** Whether the follower hears of each new post of the followee; false when there is no such follow. */
    boolean setNotify(long followerId, long followeeId, boolean notify);

    /** Of {@code others}, those {@code accountId} follows and asked to hear of each post of. */
    Set<Long> notifyingAmong(long accountId, Collection<Long> others);

    /** The followers of {@code accountId} who asked to hear of each of their posts. */
    List<Long> notifiedFollowers(long accountId);

    /** Of {@code others}, those who follow {@code accountId}. */
    Set<Long> followedByAmong(long accountId, Collection<Long> others);

    List<Edge> followers(long accountId, PageRequest page);

    List<Edge> following(long accountId, PageRequest page);

    Map<Long, Counts> counts(Collection<Long> accountIds);

    /** Whether any colleague of the network has more than {@code followers} followers. */
    boolean anyFollowedByMoreThan(long networkId, int followers);

    /** The colleagues of the network with more than {@code followers} followers. */
    Set<Long> followedByMoreThan(long networkId, int followers);

    boolean followTag(long networkId, long accountId, String tag, Instant at);

    boolean unfollowTag(long accountId, String tag);

    Set<String> followedTagsAmong(long accountId, Collection<String> tags);

    List<String> followedTags(long accountId);
}
