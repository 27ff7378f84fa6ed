/**
 * Notifications, read markers, notification settings and mail to colleagues who are away. Owns
 * {@code notifications}, {@code markers}, {@code notification_settings}, {@code account_activity},
 * {@code pending_mails}. Consumes {@link org.hallway.posts.PostsCommitted} (new posts, a committed batch at
 * a time: ADRs 0025, 0045, 0053), {@link
 * org.hallway.posts.PostEdited}, {@link org.hallway.posts.PostDeleted}, {@link
 * org.hallway.posts.PostLiked}, {@link org.hallway.posts.PostUnliked}, {@link
 * org.hallway.follow.AccountFollowed}, {@link org.hallway.follow.AccountUnfollowed}, {@link
 * org.hallway.polls.PollEnded}, and groups' {@link org.hallway.groups.MemberInvited}, {@link
 * org.hallway.groups.JoinRequested}, {@link org.hallway.groups.JoinRequestApproved}. Publishes {@link
 * org.hallway.notify.NotificationCreated}. Who may see the post a notification is about is asked of
 * {@code audience} when it is read or mailed, never only when it is made.
 */
package org.hallway.notify;
