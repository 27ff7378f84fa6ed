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
 * The one place an account comes into being, whoever asks: an administrator ({@link CreateAccount}),
 * an identity provider over SCIM ({@link ProvisionAccount}) or the company directory, by an LDAP sync
 * or sign-in or OpenID Connect claims ({@link ProvisionFromDirectory}). The rules live here: the
 * address must be free in every network; an administrator chooses the exact handle (taken: refused),
 * a directory only suggests one (taken: a number is added); an administrator sets a password, a
 * directory may; what an administrator or SCIM types is validated, what LDAP or a token's claims say
 * is clipped to fit (nobody is there to correct it); only an administrator makes guests or other
 * administrators. {@link AccountCreated} follows every new account, {@link AccountProvisioned} (the
 * audit log's "created from the directory") every account a directory made.
 */
@Service
public class OpenAccount {
    /** Who asks, which decides the rules above. */
    public enum Origin {
        ADMINISTRATOR,
        SCIM,
        DIRECTORY
    }

    /**
     * A new account. {@code username} is the exact handle for an administrator, a suggestion for a
     * directory (null: the address's local part); {@code source} and {@code externalId} link the
     * account to the directory that feeds it (LDAP, OpenID Connect) and may be null.
     */
    public record Command(
            Origin origin,
            long networkId,
            @Nullable String username,
            String email,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable String location,
            @Nullable String phone,
            @Nullable String employeeNumber,
            @Nullable Long managerId,
            Account.Role role,
            @Nullable String source,
            @Nullable String externalId) {}

    private final AccountStore accounts;
    private final DirectoryAccounts directory;
    private final PasswordEncoder passwords;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OpenAccount(
            AccountStore accounts,
            DirectoryAccounts directory,
            PasswordEncoder passwords,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Account handle(Command cmd) {
        var admin = cmd.origin() == Origin.ADMINISTRATOR;
        if (!admin && cmd.role() != Account.Role.MEMBER)
            throw new InvalidInputException("role", "Only an administrator adds guests and administrators");
        var email = ProfileRules.email(cmd.email());
        var username = admin ? ProfileRules.username(cmd.username()) : null;
        var hash = password(cmd);
        var fields = fields(cmd, email);
        if (admin && accounts.findByUsername(cmd.networkId(), username).isPresent()) {
            throw new InvalidInputException("username", "Username is already taken");
        }
        if (accounts.findByEmail(email).isPresent()) {
            throw new InvalidInputException("email", "E-mail address is already taken");
        }
        if (!admin) username = freeUsername(cmd.networkId(), cmd.username(), email);
        var account = new Account(
                ids.next(),
                cmd.networkId(),
                username,
                email,
                present(fields.displayName()) ? fields.displayName() : username,
                "",
                fields.title(),
                fields.department(),
                fields.location(),
                manager(cmd),
                cmd.role(),
                true,
                clock.instant());
        if (cmd.source() != null && cmd.externalId() != null) {
            directory.insert(account, cmd.source(), cmd.externalId(), fields.orEmpty(account.displayName()));
            if (hash != null) accounts.setPasswordHash(account.id(), hash);
        } else {
            accounts.insert(account, hash);
        }
        events.publishEvent(new AccountCreated(account.networkId(), account.id()));
        if (!admin) {
            var source = cmd.source() != null ? cmd.source() : "scim";
            events.publishEvent(new AccountProvisioned(account.networkId(), account.id(), source));
        }
        return account;
    }

    private @Nullable String password(Command cmd) {
        var password = cmd.password();
        if (cmd.origin() == Origin.ADMINISTRATOR) return passwords.encode(ProfileRules.password(password));
        return password == null || password.isEmpty() ? null : passwords.encode(ProfileRules.password(password));
    }

    /** The profile's fields: validated when a person typed them, clipped when a directory sent them. */
    private static DirectoryAccounts.Fields fields(Command cmd, String email) {
        if (cmd.origin() == Origin.DIRECTORY) {
            return new DirectoryAccounts.Fields(
                    email,
                    clip(cmd.displayName(), 100),
                    orEmpty(clip(cmd.title(), 100)),
                    orEmpty(clip(cmd.department(), 100)),
                    orEmpty(clip(cmd.location(), 100)),
                    clip(cmd.phone(), 50),
                    clip(cmd.employeeNumber(), 50));
        }
        return new DirectoryAccounts.Fields(
                email,
                present(cmd.displayName()) ? ProfileRules.text("display_name", cmd.displayName(), 100, true) : null,
                ProfileRules.text("title", cmd.title(), 100, false),
                ProfileRules.text("department", cmd.department(), 100, false),
                ProfileRules.text("location", cmd.location(), 100, false),
                cmd.phone(),
                cmd.employeeNumber());
    }

    /** An administrator names an existing colleague; a directory's unknown manager is simply left out. */
    private @Nullable Long manager(Command cmd) {
        if (cmd.managerId() == null) return null;
        if (accounts.find(cmd.networkId(), cmd.managerId()).isPresent()) return cmd.managerId();
        if (cmd.origin() == Origin.ADMINISTRATOR)
            throw new InvalidInputException("manager", "Manager is not a colleague in this network");
        return null;
    }

    /** The directory's suggestion made fit for a handle, with a number added while another colleague has it. */
    private String freeUsername(long networkId, @Nullable String wanted, String email) {
        var base = wanted == null || wanted.isBlank() ? email.substring(0, email.indexOf('@')) : wanted;
        base = base.strip().replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty()) base = "colleague";
        if (base.length() > 26) base = base.substring(0, 26);
        var candidate = base;
        for (int n = 2; accounts.findByUsername(networkId, candidate).isPresent(); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) return null;
        var v = value.strip();
        return v.codePointCount(0, v.length()) <= max ? v : v.substring(0, v.offsetByCodePoints(0, max));
    }
}
