package org.hallway.identity;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** The {@link DirectoryAccounts} everyone gets: every write forgets the colleague's row in {@link AccountRows}. */
@Primary
@Component
class CachedDirectoryAccounts implements DirectoryAccounts {
    private final DirectoryAccounts store;
    private final AccountRows rows;

    CachedDirectoryAccounts(@Qualifier("jdbcDirectoryAccounts") DirectoryAccounts store, AccountRows rows) {
        this.store = store;
        this.rows = rows;
    }

    @Override
    public Optional<Long> findLinked(long networkId, String source, String externalId) {
        return store.findLinked(networkId, source, externalId);
    }

    @Override
    public List<Linked> linked(long networkId, String source) {
        return store.linked(networkId, source);
    }

    @Override
    public void insert(Account account, String source, String externalId, Fields fields) {
        rows.forget(account.id());
        store.insert(account, source, externalId, fields);
    }

    @Override
    public void link(long accountId, String source, String externalId) {
        rows.forget(accountId);
        store.link(accountId, source, externalId);
    }

    @Override
    public boolean update(long networkId, long accountId, Fields fields) {
        rows.forget(accountId);
        return store.update(networkId, accountId, fields);
    }

    @Override
    public boolean setManager(long networkId, long accountId, @Nullable Long managerId) {
        rows.forget(accountId);
        return store.setManager(networkId, accountId, managerId);
    }
}
