/**
 * Accounts with their work-context profile, passwords, web sessions, OAuth apps and tokens, roles,
 * and the sign-in policy. Owns {@code accounts}, {@code oauth_apps}, {@code oauth_tokens},
 * {@code oauth_codes} (authorization codes of the browser sign-in), {@code sign_in_settings}. Offers ports for identity sources it does not know (
 * {@link org.hallway.identity.PasswordDirectory}, {@link org.hallway.identity.SignInCustomizer}).
 * Publishes {@link org.hallway.identity.AccountCreated}, {@link org.hallway.identity.AccountDeactivated},
 * {@link org.hallway.identity.AccessRevoked}, {@link org.hallway.identity.AccountProvisioned},
 * {@link org.hallway.identity.AccountReactivated},
 * {@link org.hallway.identity.AccountSignedIn}, {@link org.hallway.identity.ManagerChanged}, {@link org.hallway.identity.ProfileUpdated}, {@link org.hallway.identity.SignInFailed} and
 * {@link org.hallway.identity.TokenRevoked}.
 */
package org.hallway.identity;
