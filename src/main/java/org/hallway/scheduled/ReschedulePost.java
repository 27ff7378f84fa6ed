package org.hallway.scheduled;

import java.time.Clock;
import java.time.Instant;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves one's scheduled post to another time, again at least 5 minutes ahead. */
@Service
public class ReschedulePost {
    private final ScheduledPostStore store;
    private final Clock clock;

    ReschedulePost(ScheduledPostStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public ScheduledPost handle(Viewer viewer, long id, Instant at) {
        var post = store.find(viewer.accountId(), id).orElseThrow(NotFoundException::record);
        ScheduleRules.checkTime(at, clock.instant());
        store.reschedule(post.id(), at);
        return new ScheduledPost(
                post.id(), post.networkId(), post.authorId(), at, post.post(), post.createdAt(), post.mediaIds());
    }
}
