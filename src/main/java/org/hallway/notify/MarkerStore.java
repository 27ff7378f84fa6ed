package org.hallway.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Port: read markers, one per colleague and timeline. */
public interface MarkerStore {
    Map<String, Marker> find(long accountId, Collection<String> timelines);

    /** Sets the marker, counting its version up by one. */
    Marker save(long networkId, long accountId, String timeline, long lastReadId, Instant at);
}
