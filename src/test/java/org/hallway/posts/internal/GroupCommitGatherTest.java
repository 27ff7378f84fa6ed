package org.hallway.posts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the group commit's writer gathers a batch behind its first post (ADR 0063). */
@Timeout(30)
class GroupCommitGatherTest {
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final List<String> batch = new ArrayList<>(List.of("first"));

    @Test
    void afterAQuietSpellTakesWhatIsQueuedAndWaitsForNothing() {
        queue.addAll(List.of("second", "third"));

        GroupCommit.gather(queue, batch, 64, System.nanoTime() - 1);
        queue.add("later");

        assertThat(batch).containsExactly("first", "second", "third");
        assertThat(queue).containsExactly("later");
    }

    @Test
    void withinTheIntervalTakesWhatArrivesUntilTheBatchIsFull() throws InterruptedException {
        queue.add("second");
        // A whole minute to wait: only a full batch ends the gathering in time for the test's limit.
        var writer = Thread.ofPlatform()
                .start(() -> GroupCommit.gather(queue, batch, 3, System.nanoTime() + TimeUnit.MINUTES.toNanos(1)));
        await().until(() -> writer.getState() == Thread.State.TIMED_WAITING);

        queue.addAll(List.of("third", "fourth"));
        writer.join();

        assertThat(batch).containsExactly("first", "second", "third");
        assertThat(queue).containsExactly("fourth");
    }

    @Test
    void endsWhenTheIntervalHasPassed() {
        GroupCommit.gather(
                queue, batch, 64, System.nanoTime() + Duration.ofMillis(100).toNanos());
        queue.add("next");

        assertThat(batch).containsExactly("first");
        assertThat(queue).containsExactly("next");
    }

    @Test
    void interruptedKeepsWhatItGatheredAndTheInterrupt() {
        queue.add("second");
        Thread.currentThread().interrupt();
        try {
            GroupCommit.gather(queue, batch, 64, System.nanoTime() + TimeUnit.MINUTES.toNanos(1));

            assertThat(batch).containsExactly("first", "second");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
