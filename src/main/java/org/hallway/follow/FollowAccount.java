package org.hallway.follow;

import java.time.Clock;
import org.hallway.identity.AccountStore;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows a colleague of the same network; following again changes nothing; a block either way refuses. */
@Service
public class FollowAccount {
    private final FollowStore follows;
    private final RelationStore relations;
    private final AccountStore accounts;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FollowAccount(
            FollowStore follows,
            RelationStore relations,
            AccountStore accounts,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.follows = follows;
        this.relations = relations;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void handle(Viewer viewer, long accountId) {
        if (accountId == viewer.accountId()) throw new InvalidInputException("You can't follow yourself");
        var target = accounts.find(viewer.networkId(), accountId).orElseThrow(NotFoundException::record);
        if (!target.active()) throw new InvalidInputException("This colleague has left");
        if (relations.blockedEitherWay(viewer.accountId(), accountId))
            throw new ForbiddenException("You can't follow a colleague while one of you blocks the other");
        if (follows.follow(ids.next(), viewer.networkId(), viewer.accountId(), accountId, clock.instant())) {
            events.publishEvent(new AccountFollowed(viewer.networkId(), viewer.accountId(), accountId));
        }
    }
}
