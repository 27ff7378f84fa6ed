package org.hallway.follow;

import java.time.Clock;
import org.hallway.identity.AccountStore;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocks a colleague. Inside one company a block cannot make two colleagues strangers (they still see
 * each other's profiles, work together and may share groups), so it does what it can without hiding
 * the directory (ADR 0021): follows between them end both ways, neither sees the other's posts in
 * their feeds nor gets notifications from the other, and neither can follow the other again until
 * the block is lifted.
 */
@Service
public class BlockAccount {
    private final RelationStore relations;
    private final FollowStore follows;
    private final AccountStore accounts;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BlockAccount(
            RelationStore relations,
            FollowStore follows,
            AccountStore accounts,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.relations = relations;
        this.follows = follows;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void handle(Viewer viewer, long accountId) {
        long self = viewer.accountId();
        if (accountId == self) throw new InvalidInputException("You can't block yourself");
        accounts.find(viewer.networkId(), accountId).orElseThrow(NotFoundException::record);
        relations.block(ids.next(), viewer.networkId(), self, accountId, clock.instant());
        // The follow listeners take the other's posts out of each home feed and out of each one's lists.
        if (follows.unfollow(self, accountId))
            events.publishEvent(new AccountUnfollowed(viewer.networkId(), self, accountId));
        if (follows.unfollow(accountId, self))
            events.publishEvent(new AccountUnfollowed(viewer.networkId(), accountId, self));
    }
}
