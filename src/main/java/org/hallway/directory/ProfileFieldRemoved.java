package org.hallway.directory;

/** An administrator removed a profile field, and with it every value colleagues gave it. */
public record ProfileFieldRemoved(long networkId, long definitionId) {}
