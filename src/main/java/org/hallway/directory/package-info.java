/**
 * The company directory: where colleagues come from and go, and how the company knows them. Over
 * LDAP: password sign-in and a scheduled sync that creates, updates and deactivates accounts, resolves
 * managers and mirrors groups. OpenID Connect single sign-on: accounts made just in time from the
 * claims. SCIM 2.0 provisioning: identity providers such as Okta and Microsoft Entra ID create, update
 * and deactivate colleagues at {@code /scim/v2} (adapter in {@code scim/}). Profiles with work context,
 * the org chart, the people directory and people search.
 *
 * <p>Owns {@code directory_binding}, {@code directory_sync_runs}, {@code scim_users}, {@code
 * scim_tokens}, {@code directory_groups}, {@code directory_group_members}, {@code profile_fields},
 * {@code profile_skills}, {@code profile_field_definitions}, {@code profile_field_values} and the
 * directory columns of {@code accounts}. Writes accounts only through identity's use cases and ports.
 * Publishes {@link org.hallway.directory.DirectorySynced}, {@link
 * org.hallway.directory.DirectoryGroupsChanged} (inside the change's transaction, for groups bound to
 * directory groups) and {@link org.hallway.directory.ScimChanged} (for the audit log); consumes {@link
 * org.hallway.identity.AccountCreated} and {@link org.hallway.identity.ManagerChanged} (colleagues follow
 * their managers, when enabled).
 */
package org.hallway.directory;
