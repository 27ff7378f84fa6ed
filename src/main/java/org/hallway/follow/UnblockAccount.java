package org.hallway.follow;

import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lifts a block: posts show again and following is possible again; ended follows stay ended. */
@Service
public class UnblockAccount {
    private final RelationStore relations;
    private final AccountStore accounts;

    UnblockAccount(RelationStore relations, AccountStore accounts) {
        this.relations = relations;
        this.accounts = accounts;
    }

    @Transactional
    public void handle(Viewer viewer, long accountId) {
        accounts.find(viewer.networkId(), accountId).orElseThrow(NotFoundException::record);
        relations.unblock(viewer.accountId(), accountId);
    }
}
