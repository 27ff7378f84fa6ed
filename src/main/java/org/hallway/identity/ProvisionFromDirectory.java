package org.hallway.identity;

import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates or refreshes a colleague's account from what a directory (LDAP, OpenID Connect claims) says
 * about them. The account is found by the directory's stable id, else (when the caller trusts the
 * address) by e-mail, which links an account made by hand to the directory; otherwise it is created,
 * without a password of its own. The directory owns the work-context fields; the username, once
 * chosen, stays. A field the directory leaves out (null) keeps its value; an empty one clears it.
 */
@Service
public class ProvisionFromDirectory {
    public record Profile(
            String source,
            String externalId,
            @Nullable String username,
            String email,
            @Nullable String displayName,
            @Nullable String title,
            @Nullable String department,
            @Nullable String location,
            @Nullable String phone,
            @Nullable String employeeNumber) {}

    public enum Change {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Result(Account account, Change change) {}

    private final AccountStore accounts;
    private final DirectoryAccounts directory;
    private final OpenAccount open;
    private final org.springframework.context.ApplicationEventPublisher events;

    ProvisionFromDirectory(
            AccountStore accounts,
            DirectoryAccounts directory,
            OpenAccount open,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.directory = directory;
        this.open = open;
    }

    @Transactional
    public Result handle(long networkId, Profile p, boolean matchByEmail) {
        if (p.externalId() == null || p.externalId().isBlank()) {
            throw new InvalidInputException("external_id", "The directory gave no id for this person");
        }
        var email = ProfileRules.email(p.email());
        var owner = accounts.findByEmail(email);
        Long id = directory.findLinked(networkId, p.source(), p.externalId()).orElse(null);
        if (id == null && matchByEmail && owner.isPresent() && owner.get().networkId() == networkId) {
            id = owner.get().id();
            directory.link(id, p.source(), p.externalId());
        }
        if (id != null) {
            var current = accounts.find(networkId, id).orElseThrow();
            // An address another colleague already has stays with them; this account keeps its own.
            var keptEmail = owner.isPresent() && owner.get().id() != id ? current.email() : email;
            boolean changed = directory.update(networkId, id, fields(p, keptEmail, current.username()));
            if (changed) events.publishEvent(new ProfileUpdated(networkId, id));
            return new Result(accounts.find(networkId, id).orElseThrow(), changed ? Change.UPDATED : Change.UNCHANGED);
        }
        if (owner.isPresent()) throw new InvalidInputException("email", "E-mail address is already taken");
        var account = open.handle(new OpenAccount.Command(
                OpenAccount.Origin.DIRECTORY,
                networkId,
                p.username(),
                email,
                null,
                p.displayName(),
                p.title(),
                p.department(),
                p.location(),
                p.phone(),
                p.employeeNumber(),
                null,
                Account.Role.MEMBER,
                p.source(),
                p.externalId()));
        return new Result(account, Change.CREATED);
    }

    /** The directory's values, clipped to what a profile holds; null where the directory said nothing. */
    private static DirectoryAccounts.Fields fields(Profile p, String email, String username) {
        var name = OpenAccount.clip(p.displayName(), 100);
        return new DirectoryAccounts.Fields(
                email,
                name == null || name.isEmpty() ? (p.displayName() == null ? null : username) : name,
                OpenAccount.clip(p.title(), 100),
                OpenAccount.clip(p.department(), 100),
                OpenAccount.clip(p.location(), 100),
                OpenAccount.clip(p.phone(), 50),
                OpenAccount.clip(p.employeeNumber(), 50));
    }
}
