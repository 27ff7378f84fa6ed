package org.hallway.identity;

/** A colleague signed in; {@code method} is {@code password}, {@code ldap} or {@code oidc}. */
public record AccountSignedIn(long networkId, long accountId, String method) {}
