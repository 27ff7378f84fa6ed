package org.hallway.stream;

import java.util.List;

/**
 * Work an adapter does once per batch of events before they reach its connections: rendering the
 * payload all its readers share (a new post's Status) for many posts in one go, so that no connection
 * waits for another one's rendering and the database sees one round trip per batch, not per post.
 * Whatever it puts into a {@link Delivery.Shared} is what {@link Delivery#once} then finds.
 */
public interface Prerender {
    void prepare(List<Delivery.Shared> batch);
}
