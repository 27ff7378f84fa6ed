/**
 * Administration's records: the audit log of sign-ins, failed sign-ins, accounts the directory
 * created, directory syncs, SCIM changes, deactivations and revoked tokens. Owns {@code audit_log}. Consumes
 * identity's {@code AccountSignedIn}, {@code SignInFailed}, {@code AccountProvisioned},
 * {@code AccessRevoked}, {@code TokenRevoked} and directory's {@code DirectorySynced} and {@code ScimChanged} (users and groups an identity provider changed, with its token's name), synchronously, so that an entry is
 * stored in the same transaction as what it records.
 */
package org.hallway.admin;
