package org.hallway.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hallway.timeline.PostFannedOut;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The parts in which each entry was announced as fanned out (ADR 0066), in order, and the readers its
 * first part carried (ADR 0080).
 */
@Component
public class FanOutParts {
    private final ConcurrentHashMap<Long, List<PostFannedOut.Part>> parts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Set<Long>> firstReaders = new ConcurrentHashMap<>();

    @EventListener
    void on(PostFannedOut event) {
        parts.computeIfAbsent(event.entryId(), id -> new CopyOnWriteArrayList<>())
                .add(event.part());
        if (event.part() == PostFannedOut.Part.LIVE_FIRST && event.readers() != null)
            firstReaders.put(event.entryId(), Set.copyOf(event.readers()));
    }

    /** The readers the entry's first part carried, if it carried them. */
    public Optional<Set<Long>> firstReaders(long entryId) {
        return Optional.ofNullable(firstReaders.get(entryId));
    }

    public List<PostFannedOut.Part> of(long entryId) {
        return List.copyOf(parts.getOrDefault(entryId, List.of()));
    }
}
