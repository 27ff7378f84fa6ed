/**
 * Whom and what each colleague follows: people and hashtags. Owns {@code follows}, {@code
 * tag_follows}, {@code follow_counts}; a follow may ask to hear of each of the followee's posts ({@code
 * notify}). Publishes {@link org.hallway.follow.AccountFollowed} and
 * {@link org.hallway.follow.AccountUnfollowed}.
 */
package org.hallway.follow;
