package org.hallway.timeline;

import java.util.Collection;

/**
 * Port: the readers with a home stream open on this node. Their feeds are written first when a post
 * goes to many (ADR 0066), so that live delivery does not wait for every other feed.
 */
public interface OpenHomeStreams {
    Collection<Long> readers();
}
