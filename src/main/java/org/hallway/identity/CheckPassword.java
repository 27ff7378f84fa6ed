package org.hallway.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Signs a colleague in by login and password, for the web login and the OAuth password grant. The
 * login is an e-mail address, or a directory username when a password directory (LDAP) is
 * configured. A password Hallway keeps is tried first, unless the network switched local passwords
 * off (administrators keep theirs: the break-glass way in when the directory fails); then each
 * password directory. Deactivated accounts and wrong passwords fail alike; repeated failures are
 * throttled; every outcome is published for the audit log. When no directory answered (down, or silent
 * past {@code HALLWAY_LDAP_TIMEOUT}) and nothing else signed the colleague in, {@link SignInUnavailable}
 * says so, rather than calling the password wrong.
 */
@Service
public class CheckPassword {
    private static final Logger log = LoggerFactory.getLogger(CheckPassword.class);

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final SignInSettings settings;
    private final List<PasswordDirectory> directories;
    private final ApplicationEventPublisher events;
    // Compared against when the address is unknown, so that a miss costs as long as a wrong password;
    // hashed on first use, not while the application starts.
    private final Supplier<String> dummyHash;

    CheckPassword(
            AccountStore accounts,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            SignInSettings settings,
            List<PasswordDirectory> directories,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.settings = settings;
        this.directories = directories;
        this.events = events;
        this.dummyHash = SingletonSupplier.of(() -> passwords.encode("no account has this password"));
    }

    /** The account when the password is right and the account active; empty otherwise. */
    public Optional<Account> handle(String login, String password) {
        throttle.check(login);
        var name = login == null ? "" : login.strip();
        var known = name.contains("@") ? accounts.findByEmail(name) : Optional.<Account>empty();
        var hash = known.flatMap(a -> accounts.passwordHash(a.id()));
        boolean matches = password != null && passwords.matches(password, hash.orElseGet(dummyHash));
        if (known.isPresent() && hash.isPresent() && matches && known.get().active()) {
            var account = known.get();
            if (account.admin() || settings.localPasswords(account.networkId())) {
                return succeeded(login, account, "password");
            }
        }
        var method = "password";
        boolean unanswered = false;
        if (password != null && !password.isEmpty() && !name.isEmpty()) {
            for (var directory : directories) {
                method = directory.method();
                Optional<Account> found;
                try {
                    found = directory.authenticate(name, password);
                } catch (SignInUnavailable e) {
                    log.warn("Password directory {} did not answer", directory.method());
                    unanswered = true;
                    found = Optional.empty();
                } catch (RuntimeException e) {
                    log.warn("Password directory {} failed: {}", directory.method(), e.toString());
                    found = Optional.empty();
                }
                if (found.isPresent()) {
                    if (found.get().active()) return succeeded(login, found.get(), method);
                    known = found;
                    // A directory answered: the colleague is known and deactivated, whatever the others do.
                    unanswered = false;
                    break;
                }
            }
        }
        // A directory that did not answer says nothing of the password: not counted against the login.
        if (!unanswered) throttle.failed(login);
        events.publishEvent(new SignInFailed(
                known.map(Account::networkId).orElse(null),
                known.map(Account::id).orElse(null),
                name.length() > 200 ? name.substring(0, 200) : name,
                method));
        if (unanswered) throw new SignInUnavailable();
        return Optional.empty();
    }

    private Optional<Account> succeeded(String login, Account account, String method) {
        throttle.succeeded(login);
        events.publishEvent(new AccountSignedIn(account.networkId(), account.id(), method));
        return Optional.of(account);
    }
}
