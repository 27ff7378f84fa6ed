package org.hallway.scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hallway.media.HoldMedia;
import org.hallway.polls.PollLimits;
import org.hallway.posts.CreatePost;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a post to publish later. What can be checked now is checked now (the time, the poll, blank
 * text); the rest (the audience of a reply, a group's rules) is checked when it is published.
 */
@Service
public class SchedulePost {
    private final ScheduledPostStore store;
    private final PollLimits pollLimits;
    private final Ids ids;
    private final Clock clock;

    private final HoldMedia holdMedia;

    SchedulePost(ScheduledPostStore store, PollLimits pollLimits, Ids ids, Clock clock, HoldMedia holdMedia) {
        this.holdMedia = holdMedia;
        this.store = store;
        this.pollLimits = pollLimits;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public ScheduledPost handle(Viewer author, Instant at, CreatePost.Command post) {
        return handle(author, at, post, List.of());
    }

    /** The same, holding the author's uploads for it until it is published or cancelled. */
    @Transactional
    public ScheduledPost handle(Viewer author, Instant at, CreatePost.Command post, List<Long> mediaIds) {
        var now = clock.instant();
        ScheduleRules.checkTime(at, now);
        if ((post.text() == null || post.text().isBlank()) && mediaIds.isEmpty())
            throw new InvalidInputException("status", "Text can't be blank");
        if (post.poll() != null) pollLimits.check(post.poll());
        if (store.count(author.accountId()) >= ScheduleRules.MAX_WAITING)
            throw new InvalidInputException(
                    "scheduled_at", "You have " + ScheduleRules.MAX_WAITING + " scheduled posts already");
        long id = ids.next();
        var held = holdMedia.handle(author, id, mediaIds);
        var scheduled = new ScheduledPost(id, author.networkId(), author.accountId(), at, post, now, held);
        store.insert(scheduled);
        return scheduled;
    }
}
