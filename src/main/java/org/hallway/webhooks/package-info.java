/**
 * Outgoing webhooks that administrators configure: which events (a post in a public group, with a
 * hashtag, or company-wide; an account created or deactivated) go to which URL, signed with a shared
 * secret. Owns {@code webhooks} and {@code webhook_deliveries}. Consumes {@link
 * org.hallway.posts.PostCommitted}, {@link org.hallway.identity.AccountCreated}, {@link
 * org.hallway.identity.AccountDeactivated}. Only posts the whole network may read ever leave: never
 * a private or secret group's post, a followers-only post or a direct message.
 */
package org.hallway.webhooks;
