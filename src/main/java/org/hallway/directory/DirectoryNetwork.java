package org.hallway.directory;

import java.time.Clock;
import java.util.Optional;
import org.hallway.network.Network;
import org.hallway.network.NetworkStore;
import org.hallway.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network the configured identity sources serve (one LDAP directory, one OpenID Connect
 * provider per installation): {@code HALLWAY_DIRECTORY_NETWORK} (a network id) when set, else the
 * network last bound with {@link #bind}, else the first network. Resolved on every use, so a
 * binding takes effect at once.
 */
@Service
public class DirectoryNetwork {
    private final NetworkStore networks;
    private final DirectoryBinding binding;
    private final Clock clock;
    private final String configured;

    DirectoryNetwork(
            NetworkStore networks,
            DirectoryBinding binding,
            Clock clock,
            @Value("${hallway.directory.network:}") String configured) {
        this.networks = networks;
        this.binding = binding;
        this.clock = clock;
        this.configured = configured == null ? "" : configured.strip();
    }

    public Optional<Long> current() {
        if (!configured.isEmpty()) {
            try {
                return networks.find(Long.parseLong(configured)).map(Network::id);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return binding.networkId().or(() -> networks.first().map(Network::id));
    }

    public boolean serves(long networkId) {
        return current().map(id -> id == networkId).orElse(false);
    }

    /** Makes the identity sources serve this network (an installation hosting several companies, and tests). */
    @Transactional
    public void bind(long networkId) {
        networks.find(networkId).orElseThrow(NotFoundException::record);
        binding.bind(networkId, clock.instant());
    }
}
