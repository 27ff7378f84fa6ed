package org.hallway.directory;

import java.time.Clock;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator revokes a provisioning token; the identity provider using it gets 401 at once. */
@Service
public class RevokeScimToken {
    private final ScimTokenStore tokens;
    private final Clock clock;

    RevokeScimToken(ScimTokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer admin, long tokenId) {
        if (!admin.admin()) throw new ForbiddenException("Only administrators can revoke provisioning tokens");
        if (!tokens.revoke(admin.networkId(), tokenId, clock.instant())) throw NotFoundException.record();
    }
}
