package org.hallway.search;

import java.util.LinkedHashSet;
import org.hallway.posts.PostsCommitted;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings a committed batch of new posts into search with its delivery: each original's links are
 * written down and its document indexed; a repost is no document of its own but counts as engagement
 * on its original, which is indexed again. The documents of the whole batch are read in one query,
 * as committed, and serve both.
 */
@Component
class IndexNewPosts {
    private final SearchIndex index;
    private final SearchSource source;
    private final RecordLinks links;

    IndexNewPosts(SearchIndex index, SearchSource source, RecordLinks links) {
        this.index = index;
        this.source = source;
        this.links = links;
    }

    // After the fan-out: the index is outside the transaction, and upserting again on a redelivery is
    // harmless.
    @EventListener
    @Order(100)
    void on(PostsCommitted batch) {
        var ids = new LinkedHashSet<Long>();
        for (var post : batch.posts()) ids.add(post.reblogOfId() == null ? post.postId() : post.reblogOfId());
        var docs = source.posts(ids);
        for (var post : batch.posts()) {
            var doc = docs.get(post.postId());
            if (post.reblogOfId() == null && doc != null) links.recordNew(doc);
        }
        for (var id : ids) {
            var doc = docs.get(id);
            if (doc != null) index.upsertPost(doc);
            else index.deletePost(id);
        }
    }
}
