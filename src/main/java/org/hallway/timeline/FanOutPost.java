package org.hallway.timeline;

import java.util.List;
import org.hallway.posts.PostCommitted;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostVisibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a new post into the home feeds of its readers after the post is committed, first of the
 * post's consumers. The event publication registry keeps the post until they all succeed, so a crash
 * in between loses nothing (ADR 0025).
 */
@Component
class FanOutPost {
    private final FeedStore feeds;
    private final FeedSettings settings;
    private final ApplicationEventPublisher events;

    FanOutPost(FeedStore feeds, FeedSettings settings, ApplicationEventPublisher events) {
        this.feeds = feeds;
        this.settings = settings;
        this.events = events;
    }

    @EventListener
    @Order(0)
    void on(PostCommitted committed) {
        var event = committed.post();
        long original = event.reblogOfId() == null ? event.postId() : event.reblogOfId();
        boolean isOriginal = event.reblogOfId() == null;
        // Hashtag followers get original company-feed posts, as a hashtag feed would show them. A group
        // post goes to the group's members; a repost of one to the reposter's followers (it keeps the
        // group's audience). A direct message goes to its participants only.
        var recipients =
                switch (event.visibility()) {
                    case DIRECT -> new FeedStore.Recipients(false, false, null, event.mentionedAccountIds());
                    case GROUP -> isOriginal
                            ? new FeedStore.Recipients(false, false, event.groupId(), List.of())
                            : new FeedStore.Recipients(true, false, null, List.of());
                    default -> new FeedStore.Recipients(
                            true, isOriginal && event.visibility() == PostVisibility.PUBLIC, null, List.of());
                };
        feeds.fanOut(
                event.networkId(),
                event.postId(),
                original,
                event.authorId(),
                recipients,
                event.tags(),
                settings.fanOutLimit());
        events.publishEvent(new PostFannedOut(event.networkId(), event.postId(), original, event.authorId()));
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        var gone = new java.util.ArrayList<>(event.reblogIds());
        gone.add(event.postId());
        feeds.removeEntries(gone);
    }
}
