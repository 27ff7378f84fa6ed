package org.hallway.identity;

import java.util.Optional;

/**
 * Port: a directory that checks passwords Hallway does not keep (LDAP, Active Directory). Given what
 * a colleague typed as login (e-mail or directory username) and their password, it answers the
 * matching account, creating or refreshing it from the directory; empty when the directory refuses.
 * It throws {@link SignInUnavailable} when the directory did not answer in time.
 */
public interface PasswordDirectory {
    Optional<Account> authenticate(String login, String password);

    /** The method name recorded in the audit log, e.g. {@code ldap}. */
    String method();
}
