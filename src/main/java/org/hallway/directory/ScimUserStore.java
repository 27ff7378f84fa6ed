package org.hallway.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: the SCIM view of provisioned colleagues (scim_users and the directory columns of accounts). */
public interface ScimUserStore {
    /** A provisioned colleague that was not deleted over SCIM. */
    Optional<ScimUser> find(long networkId, long accountId);

    /** The account provisioned with this userName, also when it was deleted over SCIM since. */
    Optional<Long> findAnyByUserName(long networkId, String userName);

    ScimPage<ScimUser> search(long networkId, @Nullable ScimQuery query, int offset, int limit);

    boolean externalIdTaken(long networkId, String externalId, long exceptAccountId);

    /** Which of these ids are provisioned colleagues of the network, not deleted. */
    java.util.Set<Long> existing(long networkId, Collection<Long> accountIds);

    /** Records the SCIM side of an account just created (or revived) for the provider. */
    void save(long networkId, long accountId, ScimUser.Data data, Instant at);

    void markDeleted(long networkId, long accountId, Instant at);
}
