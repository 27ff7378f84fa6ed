/**
 * Polls on posts: opening one with a new post, voting, reading a page of polls with the reader's own
 * votes, and ending them. Owns {@code polls} and {@code poll_votes}. Who may see (and so vote in) a
 * poll is the post's audience, asked of {@code audience}. Publishes {@link
 * org.hallway.polls.PollEnded} when a poll's time is up.
 */
package org.hallway.polls;
