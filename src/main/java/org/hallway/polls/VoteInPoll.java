package org.hallway.polls;

import java.time.Clock;
import java.util.Collection;
import java.util.TreeSet;
import org.hallway.audience.Visibility;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a colleague's vote. Like Mastodon: only in a poll one may see, not in one's own, not after
 * it ended, once (one option, or several at once in a multiple-choice poll).
 */
@Service
public class VoteInPoll {
    private final PollStore polls;
    private final Visibility audience;
    private final Clock clock;

    VoteInPoll(PollStore polls, Visibility audience, Clock clock) {
        this.polls = polls;
        this.audience = audience;
        this.clock = clock;
    }

    @Transactional
    public Poll handle(Viewer voter, long pollId, Collection<Integer> choices) {
        var found = polls.find(voter.networkId(), pollId).orElseThrow(NotFoundException::record);
        audience.requireVisible(voter, found.postId());
        // Locked, so that two votes of the same colleague (two tabs, a retrying app) can't both count.
        var poll = polls.lock(voter.networkId(), pollId).orElseThrow(NotFoundException::record);
        var now = clock.instant();
        if (poll.endedAt() != null || !poll.expiresAt().isAfter(now))
            throw new InvalidInputException("choices", "The poll has already ended");
        if (poll.authorId() == voter.accountId())
            throw new InvalidInputException("choices", "You can't vote in your own poll");
        if (!polls.choices(pollId, voter.accountId()).isEmpty())
            throw new InvalidInputException("choices", "You have already voted in this poll");
        var chosen = new TreeSet<>(choices);
        if (chosen.isEmpty()) throw new InvalidInputException("choices", "Choose an option");
        if (!poll.multiple() && chosen.size() > 1)
            throw new InvalidInputException("choices", "Choose only one option in this poll");
        for (var choice : chosen) {
            if (choice < 0 || choice >= poll.options().size())
                throw new InvalidInputException("choices", "Choose one of the poll's options");
        }
        var list = java.util.List.copyOf(chosen);
        polls.vote(voter.networkId(), pollId, voter.accountId(), list, now);
        return FindPolls.view(polls.find(voter.networkId(), pollId).orElseThrow(), voter.accountId(), list, now);
    }
}
