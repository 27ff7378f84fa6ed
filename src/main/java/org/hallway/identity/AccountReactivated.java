package org.hallway.identity;

/** A former colleague is back: they can sign in again. */
public record AccountReactivated(long networkId, long accountId) {}
