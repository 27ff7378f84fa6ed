package org.hallway.polls;

import java.time.Clock;
import java.util.Collections;
import org.hallway.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaches a poll to a post being published, inside the publishing transaction: a poll that breaks a
 * rule throws, and the post is not stored either.
 */
@Service
public class OpenPoll {
    private final PollStore polls;
    private final PollLimits limits;
    private final Ids ids;
    private final Clock clock;

    OpenPoll(PollStore polls, PollLimits limits, Ids ids, Clock clock) {
        this.polls = polls;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void handle(long networkId, long postId, long authorId, PollDraft draft) {
        limits.check(draft);
        var now = clock.instant();
        polls.insert(
                new PollStore.Stored(
                        ids.next(),
                        networkId,
                        postId,
                        authorId,
                        draft.options(),
                        Collections.nCopies(draft.options().size(), 0),
                        draft.multiple(),
                        draft.hideTotals(),
                        now.plusSeconds(draft.expiresInSeconds()),
                        null,
                        0,
                        0),
                now);
    }
}
