package org.hallway.groups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hallway.shared.Viewer;

/** Port: groups, their members and join requests. Callers ask audience whether a viewer may see a group. */
public interface GroupStore {
    void insert(Group group);

    void update(Group group);

    void archive(long groupId, Instant at);

    /** A group whoever may see it (callers ask audience first). */
    Optional<Group> find(long networkId, long id);

    /** The groups the viewer may see, by name; only the viewer's own when {@code mine}; archived ones left out. */
    List<Group> listVisible(Viewer viewer, boolean mine, int limit);

    Membership membership(long groupId, long accountId);

    Map<Long, Membership> memberships(long accountId, Collection<Long> groupIds);

    /** Adds or changes a membership; returns true when the account was not a member before. */
    boolean putMember(long networkId, long groupId, long accountId, Member.Role role, Instant at);

    boolean removeMember(long groupId, long accountId);

    List<Member> members(long groupId, int limit);

    int countAdmins(long groupId);

    boolean addRequest(long networkId, long groupId, long accountId, Instant at);

    boolean removeRequest(long groupId, long accountId);

    /** Pins one of the group's own posts (not a repost, not deleted), again or not; false when it is not the group's. */
    boolean pin(long networkId, long groupId, long postId, Instant at);

    boolean unpin(long groupId, long postId);

    record JoinRequest(long groupId, long accountId, Instant createdAt) {}

    /** Pending join requests, oldest first. */
    List<JoinRequest> requests(long groupId, int limit);
}
