package org.hallway.directory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the SCIM view of provisioned colleagues (scim_users and the directory columns of accounts). */
public interface ScimUserStore {
    /** A provisioned colleague that was not deleted over SCIM. */
    Optional<ScimUser> find(long networkId, long accountId);

    /** The account provisioned with this userName, also when it was deleted over SCIM since. */
    Optional<Long> findAnyByUserName(long networkId, String userName);

    /** Provisioned colleagues matching all the conditions, by id. */
    ScimPage<ScimUser> search(long networkId, List<ScimQuery> conditions, int offset, int limit);

    boolean externalIdTaken(long networkId, String externalId, long exceptAccountId);

    /** Which of these ids are provisioned colleagues of the network, not deleted. */
    java.util.Set<Long> existing(long networkId, Collection<Long> accountIds);

    /** Records the SCIM side of an account just created (or revived) for the provider. */
    void save(long networkId, long accountId, ScimUser.Data data, Instant at);

    void markDeleted(long networkId, long accountId, Instant at);
}
