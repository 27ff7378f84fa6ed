package org.hallway.identity;

import java.time.Instant;
import java.util.Optional;

/** Port: authorization codes, kept only as hashes of the value the app receives. */
public interface CodeStore {
    void insert(AuthorizationCode code, byte[] hash);

    /**
     * Marks the code used and returns it, if it exists and was not used before. Only one of several
     * concurrent exchanges of the same code gets it.
     */
    Optional<AuthorizationCode> consume(byte[] hash, Instant at);

    /** Deletes codes that expired before {@code before}. */
    int purge(Instant before);
}
