package org.hallway.groups;

/** Someone became a member of a group (joined, was approved or was invited). Feeds backfill its posts. */
public record MemberJoinedGroup(long networkId, long groupId, long accountId) {}
