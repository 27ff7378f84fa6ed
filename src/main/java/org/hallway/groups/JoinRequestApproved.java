package org.hallway.groups;

/** A group administrator ({@code approvedBy}) let in someone who had asked to join. */
public record JoinRequestApproved(long networkId, long groupId, long accountId, long approvedBy) {}
