/**
 * Live delivery: pushes what happens (new posts in home and company feeds, edits, deletions, counter
 * changes, notifications) to the connections colleagues hold open, SSE from the web UI and WebSocket
 * from Mastodon apps. Owns no tables. Consumes {@link org.hallway.posts.PostCreated}, {@link
 * org.hallway.posts.PostEdited}, {@link org.hallway.posts.PostDeleted}, {@link org.hallway.posts.PostLiked}
 * {@link org.hallway.timeline.PostFannedOut} and {@link org.hallway.timeline.DirectMessageFiled}; turns them into {@link org.hallway.stream.LiveEvent}s
 * on the {@link org.hallway.stream.Broker}, whose node-local end, the {@link
 * org.hallway.stream.Switchboard}, asks {@link org.hallway.audience.Visibility} (and the home-feed rule)
 * at delivery time which open connections may have each one, one batch of queued events at a time
 * (ADR 0035: one query for a batch's new home-feed posts, each post rendered once ahead by the
 * adapters' {@link org.hallway.stream.Prerender}, a bounded queue per connection). The adapters (the Mastodon streaming
 * API in {@code api}, the web UI's event stream in {@code web}) register {@link
 * org.hallway.stream.Subscriber}s and render what they receive. Consumes {@link
 * org.hallway.identity.TokenRevoked} and {@link org.hallway.identity.AccountDeactivated} to close the
 * connections whose access ended.
 */
package org.hallway.stream;
