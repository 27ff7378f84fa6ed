package org.hallway.polls;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends the polls whose time is up, publishing {@link PollEnded} for each so that its author and voters
 * hear of it ({@code PollSchedule} runs it every minute). Reading a poll does not wait for this: a poll counts as expired from
 * its {@code expires_at} on.
 */
@Service
public class EndPolls {
    static final int BATCH = 500;

    private final PollStore polls;
    private final ApplicationEventPublisher events;

    EndPolls(PollStore polls, ApplicationEventPublisher events) {
        this.polls = polls;
        this.events = events;
    }

    /** Ends the polls due at {@code now}; returns how many ended. */
    @Transactional
    public int handle(Instant now) {
        var ended = polls.endDue(now, BATCH);
        for (var poll : ended)
            events.publishEvent(new PollEnded(poll.networkId(), poll.id(), poll.postId(), poll.authorId()));
        return ended.size();
    }
}
