package org.hallway.directory;

/** An LDAP sync ended, whether it changed anything or not. */
public record DirectorySynced(long networkId, long runId, String trigger, String outcome, String summary) {}
