package org.hallway.identity;

import org.hallway.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A colleague who was deactivated is back (the directory marks them active again): they can sign in
 * again with new tokens; the tokens revoked at deactivation stay revoked.
 */
@Service
public class ReactivateAccount {
    private final AccountStore accounts;
    private final ApplicationEventPublisher events;

    ReactivateAccount(AccountStore accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** Called by the directory for an account of its network; nothing happens if it is active. */
    @Transactional
    public void fromDirectory(long networkId, long accountId) {
        var account = accounts.find(networkId, accountId).orElseThrow(NotFoundException::record);
        if (account.active()) return;
        accounts.reactivate(networkId, accountId);
        events.publishEvent(new AccountReactivated(networkId, accountId));
    }
}
