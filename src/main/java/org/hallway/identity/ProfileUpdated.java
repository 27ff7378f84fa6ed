package org.hallway.identity;

/** A colleague's profile (name, work context, bio) changed. */
public record ProfileUpdated(long networkId, long accountId) {}
