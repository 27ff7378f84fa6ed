/**
 * The company directory: where colleagues come from and go. SCIM 2.0 provisioning (identity providers
 * such as Okta and Microsoft Entra ID create, update and deactivate colleagues at {@code /scim/v2},
 * adapter in {@code scim/}). Owns {@code scim_users}, {@code scim_tokens}, {@code directory_groups}
 * and {@code directory_group_members}, and the directory columns of {@code accounts}
 * ({@code directory_source}, {@code external_id}, {@code employee_number}, {@code phone}); creates,
 * updates, deactivates and reactivates accounts through the identity module's use cases.
 */
package org.hallway.directory;
