package org.hallway.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.hallway.posts.PostCommitted;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostEdited;
import org.hallway.posts.PostLiked;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostUnliked;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to posts into notifications: mentions, replies, reposts, likes and edits of
 * reposted posts; and takes them back when their cause is undone (unlike, undo repost, deletion).
 */
@Component
class NotifyOnPosts {
    private final NotifyColleague notify;
    private final NotificationStore notifications;
    private final PostStore posts;

    NotifyOnPosts(NotifyColleague notify, NotificationStore notifications, PostStore posts) {
        this.notify = notify;
        this.notifications = notifications;
        this.posts = posts;
    }

    @EventListener
    @Order(20)
    void on(PostCommitted committed) {
        var event = committed.post();
        if (event.reblogOfId() != null) {
            posts.find(event.networkId(), event.reblogOfId())
                    .ifPresent(original -> notify.handle(
                            event.networkId(),
                            original.authorId(),
                            NotificationType.REBLOG,
                            event.authorId(),
                            original.id(),
                            event.postId()));
            return;
        }
        var mentioned = new LinkedHashSet<>(event.mentionedAccountIds());
        for (var account : mentioned) {
            notify.handle(
                    event.networkId(),
                    account,
                    NotificationType.MENTION,
                    event.authorId(),
                    event.postId(),
                    event.postId());
        }
        if (event.inReplyToId() != null) {
            // Compat(mastodon): a reply that mentions the parent's author is one "mention", not two notifications.
            posts.find(event.networkId(), event.inReplyToId())
                    .filter(parent -> !mentioned.contains(parent.authorId()))
                    .ifPresent(parent -> notify.handle(
                            event.networkId(),
                            parent.authorId(),
                            NotificationType.REPLY,
                            event.authorId(),
                            event.postId(),
                            event.postId()));
        }
    }

    @ApplicationModuleListener
    void on(PostEdited event) {
        var detailed =
                posts.findDetailed(event.networkId(), List.of(event.postId())).get(event.postId());
        if (detailed == null) return;
        var post = detailed.post();
        // Colleagues newly mentioned by the edit hear of it; those mentioned before are not notified again.
        for (var account : detailed.mentionIds()) {
            notify.handle(event.networkId(), account, NotificationType.MENTION, post.authorId(), post.id(), post.id());
        }
        var reposters =
                posts.findAll(event.networkId(), posts.reblogsOf(post.id())).values();
        for (var reblog : reposters) {
            notify.handle(
                    event.networkId(), reblog.authorId(), NotificationType.UPDATE, post.authorId(), post.id(), null);
        }
    }

    @ApplicationModuleListener
    void on(PostLiked event) {
        posts.find(event.networkId(), event.postId())
                .ifPresent(post -> notify.handle(
                        event.networkId(),
                        post.authorId(),
                        NotificationType.FAVOURITE,
                        event.likedBy(),
                        post.id(),
                        null));
    }

    @ApplicationModuleListener
    void on(PostUnliked event) {
        posts.find(event.networkId(), event.postId())
                .ifPresent(post -> notifications.remove(
                        post.authorId(), NotificationType.FAVOURITE, event.unlikedBy(), post.id()));
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        var gone = new ArrayList<>(event.reblogIds());
        gone.add(event.postId());
        notifications.removeAbout(gone);
    }
}
