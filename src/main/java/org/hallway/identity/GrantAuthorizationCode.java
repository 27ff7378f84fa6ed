package org.hallway.identity;

import java.time.Clock;
import java.time.Duration;
import org.hallway.shared.Ids;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A colleague approved an app: issues the one-time code the app exchanges for a token. The code lives
 * ten minutes and is stored only as its hash.
 */
@Service
public class GrantAuthorizationCode {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final CodeStore codes;
    private final Ids ids;
    private final Clock clock;

    GrantAuthorizationCode(CodeStore codes, Ids ids, Clock clock) {
        this.codes = codes;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public String handle(Viewer viewer, AuthorizationRequest request) {
        var value = Secrets.token();
        var now = clock.instant();
        codes.insert(
                new AuthorizationCode(
                        ids.next(),
                        viewer.networkId(),
                        viewer.accountId(),
                        request.app().id(),
                        request.redirectUri(),
                        request.scopes(),
                        request.codeChallenge(),
                        now,
                        now.plus(LIFETIME)),
                Secrets.hash(value));
        return value;
    }
}
