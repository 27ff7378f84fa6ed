package org.hallway.follow;

import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stops following a colleague; their posts leave the home feed. */
@Service
public class UnfollowAccount {
    private final FollowStore follows;
    private final AccountStore accounts;
    private final ApplicationEventPublisher events;

    UnfollowAccount(FollowStore follows, AccountStore accounts, ApplicationEventPublisher events) {
        this.follows = follows;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public void handle(Viewer viewer, long accountId) {
        accounts.find(viewer.networkId(), accountId).orElseThrow(NotFoundException::record);
        if (follows.unfollow(viewer.accountId(), accountId)) {
            events.publishEvent(new AccountUnfollowed(viewer.networkId(), viewer.accountId(), accountId));
        }
    }
}
