package org.hallway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the directory's groups and their members, as Hallway mirrors them. */
public interface DirectoryGroupStore {
    record Group(String externalId, String name, List<Long> memberIds) {}

    /** A mirrored group as administrators pick it: from LDAP or SCIM, with how many people it holds. */
    record Listed(long id, String source, String name, int membersCount) {}

    /** Makes the source's groups exactly these, with exactly these members; returns their ids. */
    List<Long> replace(long networkId, String source, List<Group> groups, Instant at);

    /** Group names with their members' account ids, by name. */
    Map<String, List<Long>> groups(long networkId, String source);

    /** The network's directory groups from every source, by name. */
    List<Listed> list(long networkId);

    Optional<Listed> find(long networkId, long id);

    /** The active accounts the group lists. */
    List<Long> activeMembers(long networkId, long id);
}
