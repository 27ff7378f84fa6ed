/**
 * Whom and what each colleague follows: people and hashtags; whom they mute and block. Owns {@code
 * follows}, {@code tag_follows}, {@code follow_counts}, {@code mutes}, {@code blocks}, {@code account_notes}
 * (private notes, read by their author alone); a follow may ask
 * to hear of each of the followee's posts ({@code notify}). Publishes {@link
 * org.hallway.follow.AccountFollowed} and {@link org.hallway.follow.AccountUnfollowed} (also when a
 * block ends follows). {@link org.hallway.follow.MutesAndBlocks} is the one SQL condition that feed and
 * notification queries embed to leave muted and blocked colleagues out.
 */
package org.hallway.follow;
