package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a colleague as gone, at an administrator's request or because the company directory no
 * longer lists them: sign-in is refused and their tokens stop working at once (both are checked
 * against the account on every request); their posts stay.
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
        deactivate(account, admin.accountId(), "administrator");
    }

    /** The directory ({@code ldap}, {@code scim}) no longer lists the colleague. True if they were active. */
    @Transactional
    public boolean byDirectory(long networkId, long accountId, String source) {
        var account = accounts.find(networkId, accountId).orElseThrow(NotFoundException::record);
        return deactivate(account, null, source);
    }

    private boolean deactivate(Account account, Long by, String reason) {
        if (!account.active()) return false;
        var now = clock.instant();
        accounts.deactivate(account.networkId(), account.id(), now);
        int revoked = tokens.revokeAll(account.id(), now);
        events.publishEvent(new AccountDeactivated(account.networkId(), account.id()));
        events.publishEvent(new AccessRevoked(account.networkId(), account.id(), by, reason, revoked));
        return true;
    }
}
