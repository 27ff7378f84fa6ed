package org.hallway.stream;

import org.hallway.identity.AccountDeactivated;
import org.hallway.identity.TokenRevoked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Revocation reaches open connections too, not only the next request: a revoked token's streams and
 * every stream of a deactivated colleague are closed once the change has committed.
 */
@Component
class EndRevokedStreams {
    private final Switchboard switchboard;

    EndRevokedStreams(Switchboard switchboard) {
        this.switchboard = switchboard;
    }

    @ApplicationModuleListener
    void on(TokenRevoked event) {
        if (event.accountId() != null) switchboard.endAccess(event.networkId(), event.accountId(), false);
    }

    @ApplicationModuleListener
    void on(AccountDeactivated event) {
        switchboard.endAccess(event.networkId(), event.accountId(), true);
    }
}
