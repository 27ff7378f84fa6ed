package org.hallway.identity;

import java.time.Clock;
import org.hallway.network.Network;
import org.hallway.network.NetworkStore;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a company's network and its first administrator. For a single-company installation this
 * runs once: from the environment at first start, or from the one-time setup page.
 */
@Service
public class SetUpNetwork {
    public record Command(String networkName, String adminEmail, String adminPassword, String adminDisplayName) {}

    private final NetworkStore networks;
    private final CreateAccount createAccount;
    private final Ids ids;
    private final Clock clock;

    SetUpNetwork(NetworkStore networks, CreateAccount createAccount, Ids ids, Clock clock) {
        this.networks = networks;
        this.createAccount = createAccount;
        this.ids = ids;
        this.clock = clock;
    }

    /** True until the first network exists; the setup page is offered only then. */
    public boolean needed() {
        return networks.first().isEmpty();
    }

    @Transactional
    public Account handle(Command cmd) {
        if (!needed()) throw new ForbiddenException("Hallway is already set up");
        return create(cmd);
    }

    /** Creates one more network, for installations that host several companies (and for tests). */
    @Transactional
    public Account create(Command cmd) {
        var name = cmd.networkName() == null ? "" : cmd.networkName().strip();
        if (name.isEmpty()) throw new InvalidInputException("network_name", "Network name can't be blank");
        if (name.length() > 100) throw new InvalidInputException("network_name", "Network name is too long");
        var network = new Network(ids.next(), name, clock.instant());
        networks.insert(network);
        var email = ProfileRules.email(cmd.adminEmail());
        var username = email.substring(0, email.indexOf('@')).replaceAll("[^A-Za-z0-9_]", "_");
        if (username.length() > 30) username = username.substring(0, 30);
        return createAccount.handle(new CreateAccount.Command(
                network.id(),
                username,
                email,
                cmd.adminPassword(),
                cmd.adminDisplayName() == null || cmd.adminDisplayName().isBlank() ? username : cmd.adminDisplayName(),
                "Administrator",
                null,
                null,
                null,
                Account.Role.ADMIN));
    }
}
