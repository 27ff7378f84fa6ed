package org.hallway.push;

import org.hallway.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The subscription of the token asking; "not found" when it has none. */
@Service
public class FindPushSubscription {
    private final PushSubscriptionStore store;

    FindPushSubscription(PushSubscriptionStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public PushSubscription handle(String accessToken) {
        return store.findByToken(PushServerKeys.tokenHash(accessToken)).orElseThrow(NotFoundException::record);
    }
}
