package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds a colleague to a network, with a password and the work context of their profile. */
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
    private final PasswordEncoder passwords;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreateAccount(
            AccountStore accounts, PasswordEncoder passwords, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Account handle(Command cmd) {
        var username = ProfileRules.username(cmd.username());
        var email = ProfileRules.email(cmd.email());
        var password = ProfileRules.password(cmd.password());
        var displayName = ProfileRules.text(
                "display_name",
                cmd.displayName() == null || cmd.displayName().isBlank() ? username : cmd.displayName(),
                100,
                true);
        Long managerId = null;
        if (cmd.managerUsername() != null && !cmd.managerUsername().isBlank()) {
            managerId = accounts.findByUsername(
                            cmd.networkId(), cmd.managerUsername().strip().replaceFirst("^@", ""))
                    .orElseThrow(
                            () -> new InvalidInputException("manager", "Manager is not a colleague in this network"))
                    .id();
        }
        if (accounts.findByUsername(cmd.networkId(), username).isPresent()) {
            throw new InvalidInputException("username", "Username is already taken");
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw new InvalidInputException("email", "E-mail address is already taken");
        }
        var account = new Account(
                ids.next(),
                cmd.networkId(),
                username,
                email,
                displayName,
                "",
                ProfileRules.text("title", cmd.title(), 100, false),
                ProfileRules.text("department", cmd.department(), 100, false),
                ProfileRules.text("location", cmd.location(), 100, false),
                managerId,
                cmd.role(),
                true,
                clock.instant());
        accounts.insert(account, passwords.encode(password));
        events.publishEvent(new AccountCreated(account.networkId(), account.id()));
        return account;
    }
}
