package org.hallway.timeline;

import java.util.List;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostVisibility;
import org.hallway.posts.PostsCommitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts new posts into the home feeds of their readers after they are committed, first of the posts'
 * consumers, a whole committed batch in one statement (ADR 0045). The event publication registry keeps the post until they all succeed, so a crash
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
    void on(PostsCommitted committed) {
        var entries = committed.posts().stream().map(FanOutPost::entry).toList();
        feeds.fanOut(entries, settings.fanOutLimit());
        for (var entry : entries)
            events.publishEvent(
                    new PostFannedOut(entry.networkId(), entry.entryId(), entry.postId(), entry.authorId()));
    }

    private static FeedStore.FanOut entry(PostCreated event) {
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
        return new FeedStore.FanOut(
                event.networkId(), event.postId(), original, event.authorId(), recipients, event.tags());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        var gone = new java.util.ArrayList<>(event.reblogIds());
        gone.add(event.postId());
        feeds.removeEntries(gone);
    }
}
