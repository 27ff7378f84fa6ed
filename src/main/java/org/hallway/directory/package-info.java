/**
 * Where colleagues' identities come from: the company directory over LDAP (password sign-in and a
 * scheduled sync that creates, updates and deactivates accounts, resolves managers and mirrors
 * groups) and OpenID Connect single sign-on (accounts made just in time from the claims). Owns
 * {@code directory_binding}, {@code directory_sync_runs}, {@code directory_groups} and
 * {@code directory_group_members}. Writes accounts only through identity's use cases and ports.
 * Publishes {@link org.hallway.directory.DirectorySynced}.
 */
package org.hallway.directory;
