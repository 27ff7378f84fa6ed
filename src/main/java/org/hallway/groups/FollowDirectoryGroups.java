package org.hallway.groups;

import org.hallway.directory.DirectoryGroupsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Groups bound to a directory group follow its changes. A plain (synchronous) listener on purpose:
 * it runs inside the sync's or the SCIM request's transaction, so a colleague removed from the
 * directory group has lost access to a secret group's posts by the time the change is committed, and
 * a failed sync changes no group either.
 */
@Component
class FollowDirectoryGroups {
    private final BoundGroups bound;
    private final AlignWithDirectory align;

    FollowDirectoryGroups(BoundGroups bound, AlignWithDirectory align) {
        this.bound = bound;
        this.align = align;
    }

    @EventListener
    void on(DirectoryGroupsChanged event) {
        for (var binding : bound.boundTo(event.networkId(), event.directoryGroupIds())) {
            align.handle(event.networkId(), binding.groupId(), binding.directoryGroupId());
        }
    }
}
