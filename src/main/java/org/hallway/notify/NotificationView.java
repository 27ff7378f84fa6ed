package org.hallway.notify;

import org.hallway.groups.Group;
import org.hallway.identity.Account;
import org.hallway.posts.PostView;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient sees it: who did it, and the post or group it is about (if any). */
public record NotificationView(
        Notification notification, Account actor, @Nullable PostView post, @Nullable Group group) {}
