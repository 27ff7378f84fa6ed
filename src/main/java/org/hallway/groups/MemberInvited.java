package org.hallway.groups;

/** A group administrator ({@code invitedBy}) added someone who had not asked to join. */
public record MemberInvited(long networkId, long groupId, long accountId, long invitedBy) {}
