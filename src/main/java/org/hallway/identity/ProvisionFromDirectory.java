package org.hallway.identity;

import java.time.Clock;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
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
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ProvisionFromDirectory(
            AccountStore accounts,
            DirectoryAccounts directory,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
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
            return new Result(accounts.find(networkId, id).orElseThrow(), changed ? Change.UPDATED : Change.UNCHANGED);
        }
        if (owner.isPresent()) throw new InvalidInputException("email", "E-mail address is already taken");
        var username = freeUsername(networkId, p.username(), email);
        var f = fields(p, email, username).orEmpty(username);
        var account = new Account(
                ids.next(),
                networkId,
                username,
                email,
                f.displayName(),
                "",
                f.title(),
                f.department(),
                f.location(),
                null,
                Account.Role.MEMBER,
                true,
                clock.instant());
        directory.insert(account, p.source(), p.externalId(), f);
        events.publishEvent(new AccountCreated(networkId, account.id()));
        events.publishEvent(new AccountProvisioned(networkId, account.id(), p.source()));
        return new Result(account, Change.CREATED);
    }

    /** The directory's values, clipped to what a profile holds; null where the directory said nothing. */
    private static DirectoryAccounts.Fields fields(Profile p, String email, String username) {
        var name = clip(p.displayName(), 100);
        return new DirectoryAccounts.Fields(
                email,
                name == null || name.isEmpty() ? (p.displayName() == null ? null : username) : name,
                clip(p.title(), 100),
                clip(p.department(), 100),
                clip(p.location(), 100),
                clip(p.phone(), 50),
                clip(p.employeeNumber(), 50));
    }

    /** The directory's username made fit for a handle, with a number added while another colleague has it. */
    private String freeUsername(long networkId, String wanted, String email) {
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

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) return null;
        var v = value.strip();
        return v.codePointCount(0, v.length()) <= max ? v : v.substring(0, v.offsetByCodePoints(0, max));
    }
}
