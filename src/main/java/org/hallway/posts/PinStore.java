package org.hallway.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hallway.shared.Viewer;

/** Port: the posts colleagues pinned to their profiles. */
public interface PinStore {
    boolean pin(long id, long networkId, long accountId, long postId, Instant at);

    boolean unpin(long accountId, long postId);

    /** How many posts the colleague has pinned, deleted ones left aside. */
    int count(long accountId);

    /** Of the given posts, those the colleague pinned. */
    Set<Long> pinnedAmong(long accountId, Collection<Long> postIds);

    /** Every post the colleague pinned, deleted ones included. */
    Set<Long> pinnedBy(long accountId);

    /** The colleague's pinned posts that the viewer may see, most recently pinned first. */
    List<Long> pinnedOf(Viewer viewer, long accountId);
}
