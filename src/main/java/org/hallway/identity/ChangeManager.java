package org.hallway.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory (an LDAP sync or sign-in, OpenID Connect claims) names a colleague's manager. Only
 * a real change is stored and announced with {@link ManagerChanged}, so that signing in every day
 * does not look like a reorganisation.
 */
@Service
public class ChangeManager {
    private final DirectoryAccounts accounts;
    private final ApplicationEventPublisher events;

    ChangeManager(DirectoryAccounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** True when the manager changed. */
    @Transactional
    public boolean handle(long networkId, long accountId, @Nullable Long managerId) {
        if (managerId != null && managerId == accountId) return false;
        if (!accounts.setManager(networkId, accountId, managerId)) return false;
        events.publishEvent(new ManagerChanged(networkId, accountId, managerId));
        return true;
    }
}
