package org.hallway.groups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Port: which groups follow which directory group. */
public interface BoundGroups {
    record Binding(long groupId, long directoryGroupId) {}

    /** Binds the group to the directory group, or unbinds it (null). */
    void bind(long groupId, @Nullable Long directoryGroupId, Instant at);

    /** The network's groups bound to any of these directory groups. */
    List<Binding> boundTo(long networkId, Collection<Long> directoryGroupIds);
}
