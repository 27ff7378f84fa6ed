package org.hallway.groups;

/** Someone left a group or was removed from it. Feeds drop its posts from their home feed. */
public record MemberLeftGroup(long networkId, long groupId, long accountId) {}
