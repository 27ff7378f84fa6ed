package org.hallway.identity;

/** Port: a network's sign-in policy. */
public interface SignInSettings {
    /** May colleagues sign in with a password Hallway keeps? True unless an administrator switched it off. */
    boolean localPasswords(long networkId);

    void setLocalPasswords(long networkId, boolean enabled, java.time.Instant at);
}
