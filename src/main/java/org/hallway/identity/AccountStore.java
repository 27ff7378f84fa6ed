package org.hallway.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.shared.PageRequest;
import org.jspecify.annotations.Nullable;

/** Port: where accounts and their password hashes are kept. */
public interface AccountStore {
    void insert(Account account, @Nullable String passwordHash);

    Optional<Account> find(long networkId, long id);

    Map<Long, Account> findAll(long networkId, Collection<Long> ids);

    Optional<Account> findByUsername(long networkId, String username);

    /** Across networks: an e-mail address signs in to exactly one account. */
    Optional<Account> findByEmail(String email);

    Optional<String> passwordHash(long accountId);

    /**
     * Whether the colleague may still use Hallway (not deactivated); false for an id not in the network.
     * From {@link #find}: the cached store answers from the row in memory, which a deactivation forgets.
     */
    default boolean isActive(long networkId, long accountId) {
        return find(networkId, accountId).map(Account::active).orElse(false);
    }

    /** Colleagues by display name, newest id first within the page window. */
    List<Account> list(long networkId, PageRequest page);

    /** Prefix search over username and display name, for mentions and the people list. */
    List<Account> search(long networkId, String prefix, int limit);

    void updateProfile(Account account);

    void deactivate(long networkId, long accountId, java.time.Instant at);

    /** Profile fields and e-mail address as the company directory sends them. */
    void updateFromDirectory(Account account);

    void setPasswordHash(long accountId, String passwordHash);

    void reactivate(long networkId, long accountId);

    boolean anyAdmin();

    /** The network's active administrators (who hear of reports). */
    List<Long> activeAdmins(long networkId);

    int countActive(long networkId);

    /** The display name by id alone, for default avatars (whose URLs carry no network). */
    Optional<String> displayName(long accountId);
}
