package org.hallway.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link AccountStore} everyone gets: accounts by id come from {@link AccountRows}, and every write
 * forgets the colleague it changes.
 */
@Primary
@Component
class CachedAccountStore implements AccountStore {
    private final AccountStore store;
    private final AccountRows rows;

    CachedAccountStore(@Qualifier("jdbcAccountStore") AccountStore store, AccountRows rows) {
        this.store = store;
        this.rows = rows;
    }

    @Override
    public Optional<Account> find(long networkId, long id) {
        return Optional.ofNullable(findAll(networkId, List.of(id)).get(id));
    }

    @Override
    public Map<Long, Account> findAll(long networkId, Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return rows.findAll(networkId, ids, missing -> store.findAll(networkId, missing));
    }

    @Override
    public void insert(Account account, @Nullable String passwordHash) {
        rows.forget(account.id());
        store.insert(account, passwordHash);
    }

    @Override
    public void updateProfile(Account account) {
        rows.forget(account.id());
        store.updateProfile(account);
    }

    @Override
    public void deactivate(long networkId, long accountId, Instant at) {
        rows.forget(accountId);
        store.deactivate(networkId, accountId, at);
    }

    @Override
    public void updateFromDirectory(Account account) {
        rows.forget(account.id());
        store.updateFromDirectory(account);
    }

    @Override
    public void setPasswordHash(long accountId, String passwordHash) {
        rows.forget(accountId);
        store.setPasswordHash(accountId, passwordHash);
    }

    @Override
    public void reactivate(long networkId, long accountId) {
        rows.forget(accountId);
        store.reactivate(networkId, accountId);
    }

    @Override
    public Optional<Account> findByUsername(long networkId, String username) {
        return rows.findByUsername(networkId, username, name -> store.findByUsername(networkId, name));
    }

    // Everything else passes through.

    @Override
    public Optional<Account> findByEmail(String email) {
        return store.findByEmail(email);
    }

    @Override
    public Optional<String> passwordHash(long accountId) {
        return store.passwordHash(accountId);
    }

    @Override
    public List<Account> list(long networkId, PageRequest page) {
        return store.list(networkId, page);
    }

    @Override
    public List<Account> search(long networkId, String prefix, int limit) {
        return store.search(networkId, prefix, limit);
    }

    @Override
    public boolean anyAdmin() {
        return store.anyAdmin();
    }

    @Override
    public List<Long> activeAdmins(long networkId) {
        return store.activeAdmins(networkId);
    }

    @Override
    public int countActive(long networkId) {
        return store.countActive(networkId);
    }

    @Override
    public Optional<String> displayName(long accountId) {
        return store.displayName(accountId);
    }
}
