package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A colleague withdraws an app's access: all its tokens for them stop working at once, and its open
 * streams close ({@link TokenRevoked}).
 */
@Service
public class RevokeAppAuthorization {
    private final TokenStore tokens;
    private final AppStore apps;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RevokeAppAuthorization(TokenStore tokens, AppStore apps, Clock clock, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.apps = apps;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void handle(Viewer viewer, long appId) {
        if (tokens.revokeApp(viewer.accountId(), appId, clock.instant()) == 0) throw NotFoundException.record();
        var name = apps.find(appId).map(OAuthApp::name).orElse("");
        events.publishEvent(new TokenRevoked(viewer.networkId(), viewer.accountId(), appId, name));
    }
}
