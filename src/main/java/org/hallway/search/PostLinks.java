package org.hallway.search;

import java.time.Instant;
import java.util.List;

/** Port: the normalized links of each post, which link trends count. Owned by search, derived from posts. */
public interface PostLinks {
    /** The post's links from now on (none removes them): written again after every edit. */
    void replace(long networkId, long postId, Instant createdAt, List<String> urls);
}
