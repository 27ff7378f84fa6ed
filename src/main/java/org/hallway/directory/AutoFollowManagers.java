package org.hallway.directory;

import org.hallway.identity.AccountCreated;
import org.hallway.identity.ManagerChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * New colleagues follow their manager chain and department leads, and colleagues whose manager changes
 * follow the new chain (keeping whom they already follow): HALLWAY_AUTO_FOLLOW_MANAGERS.
 */
@Component
class AutoFollowManagers {
    private final FollowManagers followManagers;
    private final boolean enabled;

    AutoFollowManagers(
            FollowManagers followManagers, @Value("${hallway.directory.auto-follow-managers:true}") boolean enabled) {
        this.followManagers = followManagers;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(AccountCreated event) {
        if (enabled) followManagers.handle(event.networkId(), event.accountId());
    }

    @ApplicationModuleListener
    void on(ManagerChanged event) {
        if (enabled && event.managerId() != null) followManagers.handle(event.networkId(), event.accountId());
    }
}
