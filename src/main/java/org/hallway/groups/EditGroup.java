package org.hallway.groups;

import java.time.Clock;
import org.hallway.groups.internal.GroupAccess;
import org.hallway.groups.internal.GroupRules;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a group's name, description or privacy; only its administrators may. Absent fields stay. */
@Service
public class EditGroup {
    public record Command(@Nullable String name, @Nullable String description, @Nullable String privacy) {}

    private final GroupStore groups;
    private final GroupAccess access;
    private final Clock clock;

    EditGroup(GroupStore groups, GroupAccess access, Clock clock) {
        this.groups = groups;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Group handle(Viewer viewer, long groupId, Command cmd) {
        var group = access.requireAdmin(viewer, groupId);
        GroupAccess.requireOpen(group);
        var edited = new Group(
                group.id(),
                group.networkId(),
                cmd.name() == null ? group.name() : GroupRules.name(cmd.name()),
                cmd.description() == null ? group.description() : GroupRules.description(cmd.description()),
                cmd.privacy() == null ? group.privacy() : GroupPrivacy.of(cmd.privacy()),
                group.createdBy(),
                group.directoryGroupId(),
                group.createdAt(),
                clock.instant(),
                null,
                group.membersCount());
        groups.update(edited);
        return edited;
    }
}
