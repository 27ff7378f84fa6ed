package org.hallway.network;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hallway.shared.WritingTransaction;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link NetworkStore} everyone gets. A network never changes once created (nothing updates or
 * deletes one), and every web page and instance answer names it: one found outside a writing
 * transaction, where it cannot still roll back, is kept for good. There are as many as companies served.
 */
@Primary
@Component
class CachedNetworkStore implements NetworkStore {
    private final NetworkStore store;
    private final Map<Long, Network> found = new ConcurrentHashMap<>();

    CachedNetworkStore(@Qualifier("jdbcNetworkStore") NetworkStore store) {
        this.store = store;
    }

    @Override
    public void insert(Network network) {
        store.insert(network);
    }

    @Override
    public Optional<Network> find(long id) {
        var kept = found.get(id);
        if (kept != null) return Optional.of(kept);
        var read = store.find(id);
        if (read.isPresent() && !WritingTransaction.active()) found.put(id, read.get());
        return read;
    }

    @Override
    public Optional<Network> first() {
        return store.first();
    }
}
