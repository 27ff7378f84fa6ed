package org.hallway.media;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The attachments of a page of posts, in one query whatever the page size. Callers pass posts the
 * reader may already see (feeds select them through the audience).
 */
@Component
public class PostMedia {
    private final MediaStore store;

    PostMedia(MediaStore store) {
        this.store = store;
    }

    public Map<Long, List<Media>> of(long networkId, Collection<Long> postIds) {
        return store.forPosts(networkId, postIds);
    }

    /**
     * The given attachments of one post, in the order given, those an edit dropped included: what an
     * earlier version of the post carried, for its edit history.
     */
    public List<Media> ofVersion(long networkId, long postId, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return store.ofPost(networkId, postId, ids);
    }
}
