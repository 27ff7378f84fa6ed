package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company directory adds a colleague (SCIM, LDAP sync, single sign-on). Unlike an administrator's
 * {@link CreateAccount}, the password is optional (without one the colleague signs in only through
 * the directory) and a taken username gets a number appended instead of failing: the directory names
 * people, Hallway only derives a handle from that name.
 */
@Service
public class ProvisionAccount {
    public record Command(
            long networkId,
            String preferredUsername,
            String email,
            @Nullable String password,
            String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable Long managerId) {}

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProvisionAccount(
            AccountStore accounts, PasswordEncoder passwords, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Account handle(Command cmd) {
        var email = ProfileRules.email(cmd.email());
        if (accounts.findByEmail(email).isPresent()) {
            throw new InvalidInputException("email", "E-mail address is already taken");
        }
        var hash = cmd.password() == null || cmd.password().isEmpty()
                ? null
                : passwords.encode(ProfileRules.password(cmd.password()));
        var username = freeUsername(cmd.networkId(), cmd.preferredUsername());
        var displayName = ProfileRules.text(
                "display_name",
                cmd.displayName() == null || cmd.displayName().isBlank() ? username : cmd.displayName(),
                100,
                true);
        var managerId = cmd.managerId() != null
                        && accounts.find(cmd.networkId(), cmd.managerId()).isPresent()
                ? cmd.managerId()
                : null;
        var account = new Account(
                ids.next(),
                cmd.networkId(),
                username,
                email,
                displayName,
                "",
                ProfileRules.text("title", cmd.title(), 100, false),
                ProfileRules.text("department", cmd.department(), 100, false),
                "",
                managerId,
                Account.Role.MEMBER,
                true,
                clock.instant());
        accounts.insert(account, hash);
        events.publishEvent(new AccountCreated(account.networkId(), account.id()));
        return account;
    }

    /** Letters, digits and underscores of the preferred name, made unique with a number if needed. */
    private String freeUsername(long networkId, String preferred) {
        var base = preferred == null ? "" : preferred.strip().replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty()) base = "colleague";
        if (base.length() > 26) base = base.substring(0, 26);
        var candidate = base;
        for (int n = 2; accounts.findByUsername(networkId, candidate).isPresent(); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
