package org.hallway.identity;

/** A colleague left: they can no longer sign in; their posts stay. */
public record AccountDeactivated(long networkId, long accountId) {}
