package org.hallway.notify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hallway.audience.Visibility;
import org.hallway.follow.FollowStore;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostEdited;
import org.hallway.posts.PostLiked;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostUnliked;
import org.hallway.posts.PostsCommitted;
import org.hallway.posts.ReactionStore;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to posts into notifications: mentions, replies, reposts, likes, new posts for
 * followers who asked for them, and edits of posts one reposted or liked; and takes them back when
 * their cause is undone (unlike, undo repost, deletion).
 */
@Component
class NotifyOnPosts {
    /** Likers told of an edit: the newest ones, for a post liked by more than this. */
    private static final int MAX_NOTIFIED = 1000;

    private final NotifyColleague notify;
    private final NotificationStore notifications;
    private final PostStore posts;
    private final ReactionStore reactions;
    private final FollowStore follows;
    private final Visibility visibility;

    NotifyOnPosts(
            NotifyColleague notify,
            NotificationStore notifications,
            PostStore posts,
            ReactionStore reactions,
            FollowStore follows,
            Visibility visibility) {
        this.notify = notify;
        this.notifications = notifications;
        this.posts = posts;
        this.reactions = reactions;
        this.follows = follows;
        this.visibility = visibility;
    }

    /**
     * New posts, a committed batch at a time (ADRs 0045, 0053): every notification they cause, checked and stored
     * in a few statements for the whole batch instead of a few per recipient.
     */
    @EventListener
    @Order(20)
    void on(PostsCommitted committed) {
        var intents = new ArrayList<NotifyColleague.Intent>();
        for (var post : committed.posts()) causedBy(post, intents);
        notify.handleAll(intents);
    }

    private void causedBy(PostCreated event, List<NotifyColleague.Intent> intents) {
        if (event.reblogOfId() != null) {
            posts.find(event.networkId(), event.reblogOfId())
                    .ifPresent(original ->
                            intents.add(about(event, original.authorId(), NotificationType.REBLOG, original.id())));
            return;
        }
        var mentioned = new LinkedHashSet<>(event.mentionedAccountIds());
        followersWhoAsked(event, mentioned, intents);
        for (var account : mentioned) intents.add(about(event, account, NotificationType.MENTION, event.postId()));
        if (event.inReplyToId() != null) {
            // Compat(mastodon): a reply that mentions the parent's author is one "mention", not two notifications.
            posts.find(event.networkId(), event.inReplyToId())
                    .filter(parent -> !mentioned.contains(parent.authorId()))
                    .ifPresent(parent ->
                            intents.add(about(event, parent.authorId(), NotificationType.REPLY, event.postId())));
        }
    }

    /** A notification caused by the new post: about {@code postId}, with the new post as its source. */
    private static NotifyColleague.Intent about(
            PostCreated event, long recipientId, NotificationType type, long postId) {
        return new NotifyColleague.Intent(
                event.networkId(), recipientId, type, event.authorId(), postId, event.postId(), null);
    }

    /**
     * Followers who asked to hear of each post of the author (Mastodon's {@code status}): an original post
     * that is no reply to someone else, for those who may see it and are not already mentioned in it.
     */
    private void followersWhoAsked(PostCreated event, Set<Long> mentioned, List<NotifyColleague.Intent> intents) {
        if (event.inReplyToId() != null
                && posts.find(event.networkId(), event.inReplyToId())
                        .map(parent -> parent.authorId() != event.authorId())
                        .orElse(true)) return;
        var asked = follows.notifiedFollowers(event.authorId()).stream()
                .filter(id -> !mentioned.contains(id))
                .toList();
        if (asked.isEmpty()) return;
        for (var reader : visibility.readersAmong(event.networkId(), event.postId(), asked)) {
            intents.add(about(event, reader, NotificationType.STATUS, event.postId()));
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
        // Those who reposted or liked the post hear of every edit (Mastodon notifies per edit); each colleague
        // keeps one line per post, the newest edit's.
        var readers = new LinkedHashSet<Long>();
        for (var reblog :
                posts.findAll(event.networkId(), posts.reblogsOf(post.id())).values()) readers.add(reblog.authorId());
        readers.addAll(reactions.accountsReacting(ReactionStore.Kind.FAVOURITE, post.id(), MAX_NOTIFIED));
        for (var reader : visibility.readersAmong(event.networkId(), post.id(), readers)) {
            notify.renew(event.networkId(), reader, NotificationType.UPDATE, post.authorId(), post.id(), null);
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
