package org.hallway.polls;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hallway.audience.Visibility;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads polls as one reader sees them; a poll is visible exactly when its post is. */
@Service
public class FindPolls {
    private final PollStore polls;
    private final Visibility audience;
    private final Clock clock;

    FindPolls(PollStore polls, Visibility audience, Clock clock) {
        this.polls = polls;
        this.audience = audience;
        this.clock = clock;
    }

    /** One poll, or "not found" when it is absent or its post is outside the viewer's audience. */
    @Transactional(readOnly = true)
    public Poll require(Viewer viewer, long pollId) {
        var poll = polls.find(viewer.networkId(), pollId).orElseThrow(NotFoundException::record);
        audience.requireVisible(viewer, poll.postId());
        return view(poll, viewer.accountId(), polls.choices(pollId, viewer.accountId()), clock.instant());
    }

    /**
     * The polls of posts the reader already may see (a page of a feed), keyed by post id, in one
     * query whatever the page size.
     */
    public Map<Long, Poll> ofPosts(Viewer reader, Collection<Long> postIds) {
        var now = clock.instant();
        var result = new HashMap<Long, Poll>();
        polls.forPosts(reader.networkId(), reader.accountId(), postIds)
                .forEach((postId, r) -> result.put(postId, view(r.poll(), reader.accountId(), r.ownVotes(), now)));
        return result;
    }

    static Poll view(PollStore.Stored p, long readerId, List<Integer> ownVotes, Instant now) {
        boolean expired = p.endedAt() != null || !p.expiresAt().isAfter(now);
        return new Poll(
                p.id(),
                p.networkId(),
                p.postId(),
                p.authorId(),
                p.options(),
                p.optionVotes(),
                p.multiple(),
                p.hideTotals(),
                p.expiresAt(),
                p.endedAt(),
                p.votesCount(),
                p.votersCount(),
                expired,
                p.authorId() == readerId || !ownVotes.isEmpty(),
                List.copyOf(ownVotes),
                now);
    }
}
