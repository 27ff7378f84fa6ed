package org.hallway.stream;

import java.util.List;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostEdited;
import org.hallway.posts.PostLiked;
import org.hallway.posts.PostStore;
import org.hallway.posts.PostVisibility;
import org.hallway.timeline.DirectMessageFiled;
import org.hallway.timeline.PostFannedOut;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened to posts into live events, after commit. Home streams hear of a post once the
 * fan-out has committed ({@link PostFannedOut}), so that a reader who reconnects and replays the
 * feed can never miss a post that was announced before the feed held it.
 */
@Component
class StreamPosts {
    private final Broker broker;
    private final PostStore posts;

    StreamPosts(Broker broker, PostStore posts) {
        this.broker = broker;
        this.posts = posts;
    }

    @ApplicationModuleListener
    void on(PostFannedOut event) {
        broker.publish(new LiveEvent.NewInHome(event.networkId(), event.entryId()));
    }

    @ApplicationModuleListener
    void on(PostCreated event) {
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
    }

    @ApplicationModuleListener
    void on(PostEdited event) {
        var detailed =
                posts.findDetailed(event.networkId(), List.of(event.postId())).get(event.postId());
        if (detailed == null) return;
        var post = detailed.post();
        boolean inCompanyFeed = post.visibility() == PostVisibility.PUBLIC && !post.isReblog();
        var group = post.isReblog() ? null : post.groupId();
        broker.publish(new LiveEvent.Edited(event.networkId(), post.id(), inCompanyFeed, detailed.tags(), group));
    }

    /** Direct streams hear of a message once it is filed, so the conversation they render holds it. */
    @ApplicationModuleListener
    void on(DirectMessageFiled event) {
        broker.publish(new LiveEvent.DirectMessage(event.networkId(), event.postId(), event.participants()));
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        broker.publish(new LiveEvent.Deleted(event.networkId(), event.postId()));
        for (long reblog : event.reblogIds()) broker.publish(new LiveEvent.Deleted(event.networkId(), reblog));
    }

    @ApplicationModuleListener
    void on(PostLiked event) {
        broker.publish(new LiveEvent.CountsChanged(event.networkId(), event.postId()));
    }
}
