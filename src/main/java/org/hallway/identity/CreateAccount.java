package org.hallway.identity;

import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator adds a colleague (or a guest) to a network, with a password and the work context of their profile. */
@Service
public class CreateAccount {
    public record Command(
            long networkId,
            String username,
            String email,
            String password,
            String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable String location,
            @Nullable String managerUsername,
            Account.Role role) {}

    private final AccountStore accounts;
    private final OpenAccount open;

    CreateAccount(AccountStore accounts, OpenAccount open) {
        this.accounts = accounts;
        this.open = open;
    }

    @Transactional
    public Account handle(Command cmd) {
        Long managerId = null;
        if (cmd.managerUsername() != null && !cmd.managerUsername().isBlank()) {
            managerId = accounts.findByUsername(
                            cmd.networkId(), cmd.managerUsername().strip().replaceFirst("^@", ""))
                    .orElseThrow(
                            () -> new InvalidInputException("manager", "Manager is not a colleague in this network"))
                    .id();
        }
        return open.handle(new OpenAccount.Command(
                OpenAccount.Origin.ADMINISTRATOR,
                cmd.networkId(),
                cmd.username(),
                cmd.email(),
                cmd.password(),
                cmd.displayName(),
                cmd.title(),
                cmd.department(),
                cmd.location(),
                null,
                null,
                managerId,
                cmd.role(),
                null,
                null));
    }
}
