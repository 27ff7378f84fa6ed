package org.hallway.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hallway.posts.PostCommitted;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A consumer of committed posts that breaks down once, as a node crashing in the middle of a delivery
 * would: armed for one author, it fails inside the delivery's transaction on that author's next post (after
 * the fan-out ran), and lets every later attempt pass. Unarmed, it does nothing.
 */
@Component
public class FlakyConsumer {
    private final Set<Long> armed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();

    public void failOnceFor(long authorId) {
        armed.add(authorId);
    }

    public int failures() {
        return failures.get();
    }

    @EventListener
    @Order(50)
    void on(PostCommitted committed) {
        if (armed.remove(committed.post().authorId())) {
            failures.incrementAndGet();
            throw new IllegalStateException(
                    "Simulated crash while delivering post " + committed.post().postId());
        }
    }
}
