package org.hallway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: groups provisioned over SCIM (directory_groups with source 'scim' and their members). */
public interface ScimGroupStore {
    Optional<ScimGroup> find(long networkId, long id);

    /** SCIM groups matching all the conditions, by id. */
    ScimPage<ScimGroup> search(long networkId, List<ScimQuery> conditions, int offset, int limit);

    boolean externalIdTaken(long networkId, String externalId, long exceptGroupId);

    void insert(long id, long networkId, ScimGroup.Data data, Instant at);

    void update(long networkId, long id, ScimGroup.Data data, Instant at);

    void delete(long networkId, long id);

    /** A colleague deleted over SCIM leaves every SCIM group; returns the groups they left. */
    List<Long> removeMemberEverywhere(long networkId, long accountId);
}
