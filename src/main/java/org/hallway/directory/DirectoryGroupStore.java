package org.hallway.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: the directory's groups and their members, as Hallway mirrors them. */
public interface DirectoryGroupStore {
    record Group(String externalId, String name, List<Long> memberIds) {}

    /** Makes the source's groups exactly these, with exactly these members. */
    void replace(long networkId, String source, List<Group> groups, Instant at);

    /** Group names with their members' account ids, by name. */
    Map<String, List<Long>> groups(long networkId, String source);
}
