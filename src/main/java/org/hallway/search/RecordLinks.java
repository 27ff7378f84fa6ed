package org.hallway.search;

import java.util.List;
import org.hallway.posts.PostEdited;
import org.hallway.search.internal.Links;
import org.hallway.shared.AfterCommit;
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

    @ApplicationModuleListener
    void on(PostEdited event) {
        source.post(event.postId()).ifPresent(doc -> record(doc, true));
    }

    /** Writes down the links of a new post, read as it was committed. */
    void recordNew(PostDoc doc) {
        record(doc, false);
    }

    private void record(PostDoc doc, boolean edited) {
        var urls = doc.hasLink() ? Links.in(doc.text()) : List.<String>of();
        if (edited) links.replace(doc.networkId(), doc.id(), doc.createdAt(), urls);
        else if (!urls.isEmpty()) links.add(doc.networkId(), doc.id(), doc.createdAt(), urls);
        if (!urls.isEmpty()) afterCommit.run(() -> previews.learn(doc.networkId(), urls));
    }
}
