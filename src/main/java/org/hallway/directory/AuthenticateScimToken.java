package org.hallway.directory;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.hallway.network.Network;
import org.hallway.network.NetworkStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which network an identity provider's bearer token provisions: the token from {@code
 * HALLWAY_SCIM_TOKEN} serves the network created first; a token an administrator created serves that
 * administrator's network, until revoked.
 */
@Service
public class AuthenticateScimToken {
    private final ScimTokenStore tokens;
    private final NetworkStore networks;
    private final Clock clock;
    private final byte[] configuredHash;

    AuthenticateScimToken(ScimTokenStore tokens, NetworkStore networks, ScimSettings settings, Clock clock) {
        this.tokens = tokens;
        this.networks = networks;
        this.clock = clock;
        this.configuredHash = settings.token() == null || settings.token().isBlank()
                ? null
                : ScimSecrets.hash(settings.token().strip());
    }

    @Transactional
    public Optional<Long> handle(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        var hash = ScimSecrets.hash(token.strip());
        if (configuredHash != null && MessageDigest.isEqual(hash, configuredHash)) {
            return networks.first().map(Network::id);
        }
        return tokens.networkOf(hash, clock.instant());
    }
}
