package org.hallway.identity;

/** A directory (LDAP, SCIM, OpenID Connect) created a colleague's account. */
public record AccountProvisioned(long networkId, long accountId, String source) {}
