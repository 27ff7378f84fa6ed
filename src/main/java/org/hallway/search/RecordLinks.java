package org.hallway.search;

import java.util.List;
import org.hallway.posts.PostCreated;
import org.hallway.posts.PostEdited;
import org.hallway.search.internal.Links;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes down the links of each new or edited post, normalized, for link trends. Reads the post again
 * from the source, so a late or repeated event writes the latest committed text; a repost has no
 * links of its own, and a deleted post is left out when counting.
 */
@Component
class RecordLinks {
    private final SearchSource source;
    private final PostLinks links;
    private final LinkPreviews previews;

    RecordLinks(SearchSource source, PostLinks links, LinkPreviews previews) {
        this.source = source;
        this.links = links;
        this.previews = previews;
    }

    @ApplicationModuleListener
    void on(PostCreated event) {
        if (event.reblogOfId() == null) record(event.networkId(), event.postId());
    }

    @ApplicationModuleListener
    void on(PostEdited event) {
        record(event.networkId(), event.postId());
    }

    private void record(long networkId, long postId) {
        var doc = source.post(postId);
        if (doc.isEmpty()) return;
        var urls = doc.get().hasLink() ? Links.in(doc.get().text()) : List.<String>of();
        links.replace(networkId, postId, doc.get().createdAt(), urls);
        if (!urls.isEmpty()) previews.learn(networkId, urls);
    }
}
