package org.hallway.stream;

import java.util.Set;
import org.hallway.shared.Viewer;

/**
 * An open connection as the switchboard sees it: whose it is and what it listens to. {@link #deliver}
 * is called on the connection's own virtual thread, one delivery at a time and in order, so a slow
 * reader delays nobody else.
 */
public interface Subscriber {
    Viewer viewer();

    /** The channels listened to now (connections may subscribe and unsubscribe while open). */
    Set<Channel> channels();

    void deliver(Delivery delivery);

    /**
     * Called on the connection's thread after a run of {@link #deliver} calls (everything that was
     * queued for it): a connection may hold the run's writes back and send them here in one write. Each
     * event stays its own message; only the writes are batched.
     */
    default void flush() {}

    /** Called when the reader fell too far behind: the connection should close (the client reconnects). */
    void overflowed();

    /**
     * Whether the credentials the connection was opened with still hold: asked when its account's access
     * changed (a token was revoked). A web page's session has no token to lose.
     */
    default boolean authorized() {
        return true;
    }

    /** Called when the connection's access ended (its token revoked, its account deactivated): it must close. */
    default void revoked() {
        overflowed();
    }
}
