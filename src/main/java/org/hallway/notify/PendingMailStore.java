package org.hallway.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hallway.shared.Viewer;

/** Port: notifications waiting to be mailed to colleagues who are away. */
public interface PendingMailStore {
    /** A waiting notification, and whether its recipient may still see what it is about. */
    record Pending(Notification notification, boolean visible) {}

    void queue(long notificationId, long networkId, long accountId, Instant at);

    /** Colleagues with a notification that has waited since before {@code queuedBefore}. */
    List<Viewer> recipientsDue(Instant queuedBefore, int limit);

    /** Everything waiting for this colleague, oldest first. */
    List<Pending> waitingFor(Viewer recipient);

    /**
     * Takes these notifications out of the queue and returns those this call took: when two nodes
     * collect the same colleague's mail at once, each notification goes to one of them only.
     */
    List<Long> claim(Collection<Long> notificationIds);
}
