package org.hallway.search;

import org.hallway.posts.PostCommitted;
import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostEdited;
import org.hallway.posts.PostLiked;
import org.hallway.posts.PostUnliked;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps posts in the index after each change is committed. Every reaction reads the post again from
 * the source, so the document is always the latest committed state whatever order events arrive in.
 */
@Component
class IndexPosts {
    private final SearchIndex index;
    private final SearchSource source;

    IndexPosts(SearchIndex index, SearchSource source) {
        this.index = index;
        this.source = source;
    }

    // Last of the post's consumers: the index is outside the transaction, and upserting again is harmless.
    @EventListener
    @Order(100)
    void on(PostCommitted committed) {
        var event = committed.post();
        // A repost is no document of its own: it counts as engagement on the original.
        reindex(event.reblogOfId() == null ? event.postId() : event.reblogOfId());
    }

    @ApplicationModuleListener
    void on(PostEdited event) {
        reindex(event.postId());
    }

    @ApplicationModuleListener
    void on(PostDeleted event) {
        index.deletePost(event.postId());
        // Deleting a repost (or undoing it) lowers the original's engagement; deleting an original removes it.
        source.originalOf(event.postId()).ifPresent(this::reindex);
        for (var reblog : event.reblogIds()) index.deletePost(reblog);
    }

    @ApplicationModuleListener
    void on(PostLiked event) {
        reindex(event.postId());
    }

    @ApplicationModuleListener
    void on(PostUnliked event) {
        reindex(event.postId());
    }

    private void reindex(long postId) {
        source.post(postId).ifPresentOrElse(index::upsertPost, () -> index.deletePost(postId));
    }
}
