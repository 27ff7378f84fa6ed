package org.hallway.audience;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.hallway.shared.AfterCommit;
import org.hallway.shared.Caches;
import org.springframework.stereotype.Component;

/**
 * When what a reader may see last changed, as an epoch per reader, so that what {@link Visibility}
 * answered for them may be kept in memory and trusted while their epoch stands (ADR 0049). Every
 * adapter that writes an audience fact announces it here, in the transaction that writes it: a follow
 * or unfollow for the follower; a mute for the muter; a block for both colleagues; joining or leaving a
 * group for the member; a list's exclusivity or members for its owner; a group's privacy, a post's
 * deletion and an edit's mentions for everyone.
 *
 * <p>Epochs are taken from one counter that only grows. A change gives the reader a new epoch at once
 * and again when its transaction ends, committed or rolled back: an answer filed under an older epoch
 * (also by a query that raced the write, and read what was there before it) is never trusted again. An
 * epoch that ages out of memory is replaced by a new one, so nothing filed earlier comes back.
 */
@Component
public class AudienceChanges {
    private final AtomicLong counter = new AtomicLong();
    private final Cache<Long, Long> epochs = Caches.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    /** The reader's epoch now; take it before asking, and file the answer under it. */
    public long epoch(long reader) {
        return epochs.get(reader, r -> counter.incrementAndGet());
    }

    /** What these readers may see changes in the current transaction. */
    public void changedFor(long... readers) {
        Runnable renew = () -> {
            for (var reader : readers) epochs.put(reader, counter.incrementAndGet());
        };
        renew.run();
        AfterCommit.whenEnded(renew);
    }

    /** What anyone may see changes in the current transaction. */
    public void changedForEveryone() {
        epochs.invalidateAll();
        AfterCommit.whenEnded(epochs::invalidateAll);
    }
}
