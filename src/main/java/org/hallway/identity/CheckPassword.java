package org.hallway.identity;

import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Signs a colleague in by e-mail and password, for the web login and the OAuth password grant.
 * Deactivated accounts and wrong passwords fail alike; repeated failures are throttled.
 */
@Service
public class CheckPassword {
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    // Compared against when the address is unknown, so that a miss costs as long as a wrong password.
    private final String dummyHash;

    CheckPassword(AccountStore accounts, PasswordEncoder passwords, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("no account has this password");
    }

    /** The account when the password is right and the account active; empty otherwise. */
    public Optional<Account> handle(String email, String password) {
        throttle.check(email);
        var account = email == null ? Optional.<Account>empty() : accounts.findByEmail(email.strip());
        var hash = account.flatMap(a -> accounts.passwordHash(a.id())).orElse(dummyHash);
        boolean matches = password != null && passwords.matches(password, hash);
        if (account.isPresent() && matches && account.get().active()) {
            throttle.succeeded(email);
            return account;
        }
        throttle.failed(email);
        return Optional.empty();
    }
}
