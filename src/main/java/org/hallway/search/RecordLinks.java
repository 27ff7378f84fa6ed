package org.hallway.search;

import java.util.List;
import org.hallway.posts.PostCommitted;
import org.hallway.posts.PostEdited;
import org.hallway.search.internal.Links;
import org.hallway.shared.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes down the links of each new or edited post, normalized, for link trends. Reads the post again
 * from the source, so a late or repeated event writes the latest committed text; a repost has no
 * links of its own, and a deleted post is left out when counting. A new post's links are written with
 * its delivery ({@link PostCommitted}); previews of new links are fetched after that commits, since a
 * lost fetch only leaves a link showing its domain.
 */
@Component
class RecordLinks {
    private final SearchSource source;
    private final PostLinks links;
    private final LinkPreviews previews;
    private final AfterCommit afterCommit;

    RecordLinks(SearchSource source, PostLinks links, LinkPreviews previews, AfterCommit afterCommit) {
        this.source = source;
        this.links = links;
        this.previews = previews;
        this.afterCommit = afterCommit;
    }

    @EventListener
    @Order(90)
    void on(PostCommitted committed) {
        var event = committed.post();
        if (event.reblogOfId() == null) record(event.networkId(), event.postId(), false);
    }

    @ApplicationModuleListener
    void on(PostEdited event) {
        record(event.networkId(), event.postId(), true);
    }

    private void record(long networkId, long postId, boolean edited) {
        var doc = source.post(postId);
        if (doc.isEmpty()) return;
        var urls = doc.get().hasLink() ? Links.in(doc.get().text()) : List.<String>of();
        if (edited) links.replace(networkId, postId, doc.get().createdAt(), urls);
        else if (!urls.isEmpty()) links.add(networkId, postId, doc.get().createdAt(), urls);
        if (!urls.isEmpty()) afterCommit.run(() -> previews.learn(networkId, urls));
    }
}
