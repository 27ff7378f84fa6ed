/**
 * Colleagues as the company knows them: profiles with work context, the org chart, the people
 * directory and people search.
 *
 * <p>Owns {@code profile_fields} (the fields a colleague writes), {@code profile_skills}, {@code
 * profile_field_definitions} and {@code profile_field_values}. Reads the work-context columns of
 * {@code accounts} (title, department, location, manager, {@code directory_source}) for the org
 * chart and search, and keeps {@code accounts.phone}; everything else on an account changes through
 * {@code identity}'s use cases. Consumes {@link org.hallway.identity.AccountCreated} (new colleagues
 * follow their managers, when enabled).
 */
package org.hallway.directory;
