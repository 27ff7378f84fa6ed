package org.hallway.timeline;

import org.hallway.posts.PostCreated;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostVisibility;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a new post into the home feeds of its readers after the post is committed. The event
 * publication registry keeps the event until this succeeds, so a crash in between loses nothing.
 */
@Component
class FanOutPost {
    private final FeedStore feeds;
    private final FeedSettings settings;

    FanOutPost(FeedStore feeds, FeedSettings settings) {
        this.feeds = feeds;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(PostCreated event) {
        long original = event.reblogOfId() == null ? event.postId() : event.reblogOfId();
        // Hashtag followers get original company-feed posts, as a hashtag feed would show them.
        boolean toTagFollowers = event.reblogOfId() == null && event.visibility() == PostVisibility.PUBLIC;
        feeds.fanOut(
                event.networkId(),
                event.postId(),
                original,
                event.authorId(),
                toTagFollowers,
                event.tags(),
                settings.fanOutLimit());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        var gone = new java.util.ArrayList<>(event.reblogIds());
        gone.add(event.postId());
        feeds.removeEntries(gone);
    }
}
