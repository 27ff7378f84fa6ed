package org.hallway.identity;

import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company directory changes what it knows about a colleague: name, e-mail address, title,
 * department, manager and, when it sends one, the password. The handle (@username) stays, so
 * mentions and links keep working.
 */
@Service
public class UpdateProvisionedAccount {
    public record Command(
            long networkId,
            long accountId,
            String email,
            @Nullable String password,
            String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable Long managerId) {}

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    UpdateProvisionedAccount(AccountStore accounts, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    @Transactional
    public Account handle(Command cmd) {
        var a = accounts.find(cmd.networkId(), cmd.accountId()).orElseThrow(NotFoundException::record);
        var email = ProfileRules.email(cmd.email());
        if (!email.equalsIgnoreCase(a.email())
                && accounts.findByEmail(email).filter(o -> o.id() != a.id()).isPresent()) {
            throw new InvalidInputException("email", "E-mail address is already taken");
        }
        Long managerId = cmd.managerId() != null
                        && cmd.managerId() != a.id()
                        && accounts.find(cmd.networkId(), cmd.managerId()).isPresent()
                ? cmd.managerId()
                : null;
        var updated = new Account(
                a.id(),
                a.networkId(),
                a.username(),
                email,
                ProfileRules.text(
                        "display_name",
                        cmd.displayName() == null || cmd.displayName().isBlank() ? a.username() : cmd.displayName(),
                        100,
                        true),
                a.bio(),
                ProfileRules.text("title", cmd.title(), 100, false),
                ProfileRules.text("department", cmd.department(), 100, false),
                a.location(),
                managerId,
                a.role(),
                a.active(),
                a.createdAt());
        accounts.updateFromDirectory(updated);
        if (!updated.equals(a)) events.publishEvent(new ProfileUpdated(a.networkId(), a.id()));
        if (!java.util.Objects.equals(a.managerId(), managerId))
            events.publishEvent(new ManagerChanged(a.networkId(), a.id(), managerId));
        if (cmd.password() != null && !cmd.password().isEmpty()) {
            accounts.setPasswordHash(a.id(), passwords.encode(ProfileRules.password(cmd.password())));
        }
        return updated;
    }
}
