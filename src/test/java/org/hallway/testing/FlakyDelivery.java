package org.hallway.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.posts.PostCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A delivery that breaks down once, as a node crashing mid-delivery would: armed for one author, it
 * fails on that author's next post and delivers on every later attempt. Unarmed, it does nothing, so
 * the other tests sharing the context are not affected.
 */
@Component
public class FlakyDelivery {
    private final Set<Long> armed = ConcurrentHashMap.newKeySet();
    private final Set<Long> delivered = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();

    public void failOnceFor(long authorId) {
        armed.add(authorId);
    }

    public boolean delivered(long postId) {
        return delivered.contains(postId);
    }

    public int failures() {
        return failures.get();
    }

    @ApplicationModuleListener
    void on(PostCreated event) {
        if (armed.remove(event.authorId())) {
            failures.incrementAndGet();
            throw new IllegalStateException("Simulated crash while delivering post " + event.postId());
        }
        delivered.add(event.postId());
    }
}
