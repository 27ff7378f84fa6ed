package org.hallway.directory;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which network an identity provider's bearer token provisions: the token from {@code
 * HALLWAY_SCIM_TOKEN} serves the network the company directory serves ({@link DirectoryNetwork}); a token an administrator created serves that
 * administrator's network, until revoked.
 */
@Service
public class AuthenticateScimToken {
    private final ScimTokenStore tokens;
    private final DirectoryNetwork directory;
    private final Clock clock;
    private final byte[] configuredHash;

    AuthenticateScimToken(ScimTokenStore tokens, DirectoryNetwork directory, ScimSettings settings, Clock clock) {
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
        this.configuredHash = settings.token() == null || settings.token().isBlank()
                ? null
                : ScimSecrets.hash(settings.token().strip());
    }

    @Transactional
    public Optional<ScimCaller> handle(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        var hash = ScimSecrets.hash(token.strip());
        if (configuredHash != null && MessageDigest.isEqual(hash, configuredHash)) {
            return directory.current().map(networkId -> new ScimCaller(networkId, ScimCaller.CONFIGURED));
        }
        return tokens.callerOf(hash, clock.instant());
    }
}
