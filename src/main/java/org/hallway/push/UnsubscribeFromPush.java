package org.hallway.push;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends the token's subscription (and drops its pending pushes); nothing to do when it has none. */
@Service
public class UnsubscribeFromPush {
    private final PushSubscriptionStore store;

    UnsubscribeFromPush(PushSubscriptionStore store) {
        this.store = store;
    }

    @Transactional
    public void handle(String accessToken) {
        store.deleteByToken(PushServerKeys.tokenHash(accessToken));
    }
}
