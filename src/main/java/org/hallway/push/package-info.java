/**
 * Web Push to colleagues' devices (Mastodon's push subscriptions, RFC 8030/8291/8292). Owns
 * {@code push_server_keys}, {@code push_subscriptions}, {@code push_deliveries}. Consumes {@link
 * org.hallway.notify.NotificationCreated}: a notification the subscription's alerts and policy select
 * is queued in the same transaction and sent encrypted after commit, retried with backoff; a push
 * service answering 404 or 410 ends the subscription. Whether the reader may see what a push is about
 * is asked of {@code notify} (and so of {@code audience}) when it is sent.
 */
package org.hallway.push;
