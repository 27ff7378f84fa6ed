package org.hallway.push;

import java.util.Map;
import org.hallway.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes which alerts and from whom the token's subscription receives; "not found" without one. */
@Service
public class ChangePushAlerts {
    private final PushSubscriptionStore store;

    ChangePushAlerts(PushSubscriptionStore store) {
        this.store = store;
    }

    @Transactional
    public PushSubscription handle(String accessToken, Map<String, Boolean> alerts, @Nullable String policy) {
        var found = store.findByToken(PushServerKeys.tokenHash(accessToken)).orElseThrow(NotFoundException::record);
        var newAlerts = SubscribeToPush.alerts(found.alerts(), alerts);
        var newPolicy = SubscribeToPush.policy(policy, found.policy());
        store.update(found.id(), newAlerts, newPolicy);
        return store.find(found.id()).orElseThrow(NotFoundException::record);
    }
}
