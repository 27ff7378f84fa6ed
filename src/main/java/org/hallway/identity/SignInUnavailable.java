package org.hallway.identity;

/**
 * A password could not be checked because the password directory (LDAP) did not answer: down, or
 * accepting connections and then silent until the timeout. Not a wrong password, so said otherwise.
 */
public class SignInUnavailable extends RuntimeException {
    public SignInUnavailable() {
        super("The company directory didn't answer, so your password could not be checked."
                + " Please try again in a moment.");
    }
}
