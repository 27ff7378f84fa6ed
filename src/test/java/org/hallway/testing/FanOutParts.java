package org.hallway.testing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hallway.timeline.PostFannedOut;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The parts in which each entry was announced as fanned out (ADR 0066), in order. */
@Component
public class FanOutParts {
    private final ConcurrentHashMap<Long, List<PostFannedOut.Part>> parts = new ConcurrentHashMap<>();

    @EventListener
    void on(PostFannedOut event) {
        parts.computeIfAbsent(event.entryId(), id -> new CopyOnWriteArrayList<>())
                .add(event.part());
    }

    public List<PostFannedOut.Part> of(long entryId) {
        return List.copyOf(parts.getOrDefault(entryId, List.of()));
    }
}
