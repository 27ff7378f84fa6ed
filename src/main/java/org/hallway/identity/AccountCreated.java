package org.hallway.identity;

/** A colleague was added to a network. */
public record AccountCreated(long networkId, long accountId) {}
