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
}
