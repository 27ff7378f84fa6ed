package org.hallway.identity;

import java.util.Optional;

/** Port: registered client applications. */
public interface AppStore {
    void insert(OAuthApp app);

    Optional<OAuthApp> findByClientId(String clientId);

    Optional<OAuthApp> find(long id);
}
