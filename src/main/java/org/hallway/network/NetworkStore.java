package org.hallway.network;

import java.util.Optional;

/** Port: where networks are kept. */
public interface NetworkStore {
    void insert(Network network);

    Optional<Network> find(long id);

    /** The network created first: the one a single-company installation serves. */
    Optional<Network> first();
}
