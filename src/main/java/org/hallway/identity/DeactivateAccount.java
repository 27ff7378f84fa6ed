package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator marks a colleague as gone: sign-in is refused and their tokens stop working at
 * once (both are checked against the account on every request); their posts stay.
 */
@Service
public class DeactivateAccount {
    private final AccountStore accounts;
    private final TokenStore tokens;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeactivateAccount(AccountStore accounts, TokenStore tokens, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void handle(Viewer admin, long accountId) {
        if (!admin.admin()) throw new ForbiddenException("Only administrators can deactivate colleagues");
        var account = accounts.find(admin.networkId(), accountId).orElseThrow(NotFoundException::record);
        if (account.id() == admin.accountId()) {
            throw new ForbiddenException("You can't deactivate your own account");
        }
        deactivate(account);
    }

    /**
     * The company directory (SCIM, LDAP sync) says the colleague left; no administrator is involved,
     * so the directory's own authentication stands for the permission.
     */
    @Transactional
    public void fromDirectory(long networkId, long accountId) {
        deactivate(accounts.find(networkId, accountId).orElseThrow(NotFoundException::record));
    }

    private void deactivate(Account account) {
        if (!account.active()) return;
        var now = clock.instant();
        accounts.deactivate(account.networkId(), account.id(), now);
        tokens.revokeAll(account.id(), now);
        events.publishEvent(new AccountDeactivated(account.networkId(), account.id()));
    }
}
