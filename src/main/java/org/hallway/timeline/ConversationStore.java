package org.hallway.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;

/**
 * Port: each participant's inbox of direct conversations, one row per participant and participant
 * set, with the newest message and the participant's unread state.
 */
public interface ConversationStore {
    /** One participant's conversation; {@code participants} includes the owner, sorted ascending. */
    record Conversation(long id, long accountId, List<Long> participants, long lastPostId, boolean unread) {}

    /** Files a new message in the participant's conversation, creating it (again) if needed. */
    void file(
            long id, long networkId, long accountId, List<Long> participants, long postId, boolean unread, Instant at);

    /** The viewer's conversations, newest message first; the cursor is the newest message's id. */
    List<Conversation> inbox(Viewer viewer, PageRequest page);

    Optional<Conversation> find(Viewer viewer, long id);

    /** The viewer's conversation among exactly these participants (sorted ascending, the viewer included). */
    Optional<Conversation> findAmong(Viewer viewer, List<Long> participants);

    void markRead(Viewer viewer, long id);

    boolean remove(Viewer viewer, long id);

    /** The direct messages among exactly these participants that the viewer may see, oldest first. */
    List<Long> messages(Viewer viewer, List<Long> participants, int limit);
}
