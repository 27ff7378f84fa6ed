package org.hallway.stream;

/**
 * Port: carries live events to every node's {@link Switchboard}. The single-node adapter hands them
 * straight over; with several nodes, an adapter on PostgreSQL LISTEN/NOTIFY (the events are a few ids,
 * far below NOTIFY's 8000-byte limit) would publish on one channel and let each node dispatch to its
 * own connections.
 */
public interface Broker {
    void publish(LiveEvent event);
}
