package org.hallway.directory;

import java.time.Clock;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator creates a provisioning token for an identity provider. The secret is returned
 * once, to be pasted into the provider; only its hash is kept.
 */
@Service
public class CreateScimToken {
    /** The stored token and its secret, shown once. */
    public record Created(ScimToken token, String secret) {}

    private final ScimTokenStore tokens;
    private final Ids ids;
    private final Clock clock;

    CreateScimToken(ScimTokenStore tokens, Ids ids, Clock clock) {
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Created handle(Viewer admin, String name) {
        if (!admin.admin()) throw new ForbiddenException("Only administrators can create provisioning tokens");
        var label = name == null ? "" : name.strip();
        if (label.isEmpty()) throw new InvalidInputException("name", "Name can't be blank");
        if (label.length() > 100) throw new InvalidInputException("name", "Name is too long (at most 100 characters)");
        var secret = ScimSecrets.token();
        var id = ids.next();
        var now = clock.instant();
        tokens.insert(id, admin.networkId(), label, ScimSecrets.hash(secret), admin.accountId(), now);
        return new Created(new ScimToken(id, admin.networkId(), label, now, null, false), secret);
    }
}
