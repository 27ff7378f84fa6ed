package org.hallway.groups;

/** Someone asked to join a private group; its administrators decide. */
public record JoinRequested(long networkId, long groupId, long accountId) {}
