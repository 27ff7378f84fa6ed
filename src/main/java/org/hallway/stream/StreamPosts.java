package org.hallway.stream;

import java.util.List;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostEdited;
import org.hallway.posts.PostLiked;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostVisibility;
import org.hallway.shared.AfterCommit;
import org.hallway.timeline.DirectMessageFiled;
import org.hallway.timeline.PostFannedOut;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened to posts into live events, after commit. Home streams hear of a post once the
 * fan-out has committed ({@link PostFannedOut}), so that a reader who reconnects and replays the
 * feed can never miss a post that was announced before the feed held it. A post written to its live
 * readers' feeds first is announced twice (ADR 0066); the switchboard tells each reader once.
 *
 * <p>Live events are not kept in the event publication registry (ADR 0025): one lost in a crash is
 * recovered from the database by the reader's next page or reconnection (Last-Event-ID), so they go
 * out after commit on a virtual thread, not through a durable listener.
 */
@Component
class StreamPosts {
    private final Broker broker;
    private final PostStore posts;
    private final AfterCommit afterCommit;

    StreamPosts(Broker broker, PostStore posts, AfterCommit afterCommit) {
        this.broker = broker;
        this.posts = posts;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(PostFannedOut event) {
        afterCommit.run(() -> broker.publish(
                new LiveEvent.NewInHome(event.networkId(), event.entryId(), event.part(), event.readers())));
    }

    @EventListener
    void on(PostCreated event) {
        afterCommit.run(() -> {
            if (event.reblogOfId() == null && event.visibility() == PostVisibility.PUBLIC) {
                broker.publish(new LiveEvent.NewInCompany(event.networkId(), event.postId(), event.tags()));
            }
            if (event.reblogOfId() == null && event.groupId() != null) {
                broker.publish(new LiveEvent.NewInGroup(event.networkId(), event.postId(), event.groupId()));
            }
            if (event.reblogOfId() != null)
                broker.publish(new LiveEvent.CountsChanged(event.networkId(), event.reblogOfId()));
            if (event.inReplyToId() != null)
                broker.publish(new LiveEvent.CountsChanged(event.networkId(), event.inReplyToId()));
        });
    }

    @EventListener
    void on(PostEdited event) {
        afterCommit.run(() -> {
            var detailed = posts.findDetailed(event.networkId(), List.of(event.postId()))
                    .get(event.postId());
            if (detailed == null) return;
            var post = detailed.post();
            boolean inCompanyFeed = post.visibility() == PostVisibility.PUBLIC && !post.isReblog();
            var group = post.isReblog() ? null : post.groupId();
            broker.publish(new LiveEvent.Edited(event.networkId(), post.id(), inCompanyFeed, detailed.tags(), group));
        });
    }

    /** Direct streams hear of a message once it is filed, so the conversation they render holds it. */
    @EventListener
    void on(DirectMessageFiled event) {
        afterCommit.run(() ->
                broker.publish(new LiveEvent.DirectMessage(event.networkId(), event.postId(), event.participants())));
    }

    @EventListener
    void on(PostDeleted event) {
        afterCommit.run(() -> {
            broker.publish(new LiveEvent.Deleted(event.networkId(), event.postId()));
            for (long reblog : event.reblogIds()) broker.publish(new LiveEvent.Deleted(event.networkId(), reblog));
        });
    }

    @EventListener
    void on(PostLiked event) {
        afterCommit.run(() -> broker.publish(new LiveEvent.CountsChanged(event.networkId(), event.postId())));
    }
}
