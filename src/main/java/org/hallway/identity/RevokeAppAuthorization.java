package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A colleague withdraws an app's access: all its tokens for them stop working at once. */
@Service
public class RevokeAppAuthorization {
    private final TokenStore tokens;
    private final Clock clock;

    RevokeAppAuthorization(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer viewer, long appId) {
        if (tokens.revokeApp(viewer.accountId(), appId, clock.instant()) == 0) throw NotFoundException.record();
    }
}
