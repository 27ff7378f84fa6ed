package org.hallway.groups;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.groups.internal.GroupRules;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a group; its creator is its first administrator. Guests can't create groups. */
@Service
public class CreateGroup {
    public record Command(@Nullable String name, @Nullable String description, @Nullable String privacy) {}

    private final GroupStore groups;
    private final Visibility audience;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreateGroup(GroupStore groups, Visibility audience, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.groups = groups;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Group handle(Viewer viewer, Command cmd) {
        if (audience.isGuest(viewer)) throw new ForbiddenException("Guests can't create groups");
        var name = GroupRules.name(cmd.name());
        var description = GroupRules.description(cmd.description());
        var privacy = GroupPrivacy.of(cmd.privacy());
        var now = clock.instant();
        var group = new Group(
                ids.next(),
                viewer.networkId(),
                name,
                description,
                privacy,
                viewer.accountId(),
                null,
                now,
                now,
                null,
                1);
        groups.insert(group);
        groups.putMember(viewer.networkId(), group.id(), viewer.accountId(), Member.Role.ADMIN, now);
        events.publishEvent(new MemberJoinedGroup(viewer.networkId(), group.id(), viewer.accountId()));
        return group;
    }
}
