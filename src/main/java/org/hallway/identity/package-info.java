/**
 * Accounts with their work-context profile, passwords, web sessions, OAuth apps and tokens, roles.
 * Owns {@code accounts}, {@code oauth_apps}, {@code oauth_tokens}. Publishes {@link
 * org.hallway.identity.AccountCreated}, {@link org.hallway.identity.AccountDeactivated} and {@link
 * org.hallway.identity.ProfileUpdated}.
 */
package org.hallway.identity;
