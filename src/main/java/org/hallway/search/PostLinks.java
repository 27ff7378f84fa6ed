package org.hallway.search;

import java.time.Instant;
import java.util.List;

/** Port: the normalized links of each post, which link trends count. Owned by search, derived from posts. */
public interface PostLinks {
    /** The post's links from now on (none removes them): written again after every edit. */
    void replace(long networkId, long postId, Instant createdAt, List<String> urls);

    /** The links of a new post, which has none recorded yet (a link recorded already is kept once). */
    void add(long networkId, long postId, Instant createdAt, List<String> urls);

    /** The links recorded for each of {@code postIds} that has any. */
    java.util.Map<Long, List<String>> linksOf(java.util.Collection<Long> postIds);

    /** A post's text as links are read from it (the content warning included), for the backfill. */
    record PostText(long postId, long networkId, String text, Instant createdAt) {}

    /**
     * The next live original posts after {@code afterId} (by id) whose text has a link, at most {@code
     * limit}.
     */
    List<PostText> postsWithLinksAfter(long afterId, int limit);

    /** Where the backfill of links stands: the last post id done, or empty when it has finished. */
    java.util.Optional<Long> backfillPosition();

    /** Records the backfill's progress; {@code finished} marks it done for good. */
    void backfillReached(long lastId, boolean finished, Instant at);
}
