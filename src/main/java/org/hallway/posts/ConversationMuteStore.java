package org.hallway.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Port: threads (named by their root post) that colleagues muted for notifications. */
public interface ConversationMuteStore {
    /** The first post of the thread the post belongs to (the post itself when it answers nothing). */
    long rootOf(long postId);

    void mute(long networkId, long accountId, long rootId, Instant at);

    void unmute(long accountId, long rootId);

    /** Whether the colleague muted any thread at all (most mute none). */
    boolean mutesAny(long accountId);

    /** Of the given posts, those in a thread the colleague muted; one query for a whole page. */
    Set<Long> mutedAmong(long accountId, Collection<Long> postIds);
}
