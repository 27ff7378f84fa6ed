/**
 * Accounts with their work-context profile, passwords, web sessions, OAuth apps and tokens, roles.
 * Owns {@code accounts}, {@code oauth_apps}, {@code oauth_tokens}, {@code oauth_codes}
 * (authorization codes of the browser sign-in). Publishes {@link
 * org.hallway.identity.AccountCreated} and {@link org.hallway.identity.AccountDeactivated}.
 */
package org.hallway.identity;
