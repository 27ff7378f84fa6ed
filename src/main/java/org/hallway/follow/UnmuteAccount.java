package org.hallway.follow;

import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends a mute: the colleague's posts come back into the feeds (they were only hidden, never removed). */
@Service
public class UnmuteAccount {
    private final RelationStore relations;
    private final AccountStore accounts;

    UnmuteAccount(RelationStore relations, AccountStore accounts) {
        this.relations = relations;
        this.accounts = accounts;
    }

    @Transactional
    public void handle(Viewer viewer, long accountId) {
        accounts.find(viewer.networkId(), accountId).orElseThrow(NotFoundException::record);
        relations.unmute(viewer.accountId(), accountId);
    }
}
