package org.hallway.search;

import org.hallway.posts.PostDeleted;
import org.hallway.posts.PostEdited;
import org.hallway.posts.PostLiked;
import org.hallway.posts.PostUnliked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps posts in the index after each change is committed (new posts: {@link IndexNewPosts}). Every
 * reaction reads the post again from the source, so the document is always the latest committed state
 * whatever order events arrive in.
 */
@Component
class IndexPosts {
    private final SearchIndex index;
    private final SearchSource source;

    IndexPosts(SearchIndex index, SearchSource source) {
        this.index = index;
        this.source = source;
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
