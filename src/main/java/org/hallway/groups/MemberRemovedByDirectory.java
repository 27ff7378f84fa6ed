package org.hallway.groups;

/**
 * The directory group a group follows no longer lists a member, so they left the group (besides
 * {@link MemberLeftGroup}): the colleague is told why they lost access.
 */
public record MemberRemovedByDirectory(long networkId, long groupId, long accountId, long directoryGroupId) {}
