package org.hallway.scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.groups.FindGroups;
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
 * text, that the author may read what they answer and post in the group: an id the author may not see
 * answers "not found" at once, like an absent one); all of it is checked again when it is published,
 * for the audience may have changed in between.
 */
@Service
public class SchedulePost {
    private final ScheduledPostStore store;
    private final PollLimits pollLimits;
    private final Ids ids;
    private final Clock clock;
    private final Visibility audience;
    private final FindGroups groups;
    private final HoldMedia holdMedia;

    SchedulePost(
            ScheduledPostStore store,
            PollLimits pollLimits,
            Ids ids,
            Clock clock,
            Visibility audience,
            FindGroups groups,
            HoldMedia holdMedia) {
        this.store = store;
        this.pollLimits = pollLimits;
        this.ids = ids;
        this.clock = clock;
        this.audience = audience;
        this.groups = groups;
        this.holdMedia = holdMedia;
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
        if (post.inReplyToId() != null) audience.requireVisible(author, post.inReplyToId());
        if (post.groupId() != null) groups.requirePostable(author, post.groupId());
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
