package org.hallway.posts;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a hashtag off the colleague's profile; someone else's featured tag answers "not found". */
@Service
public class UnfeatureTag {
    private final FeaturedTagStore featured;

    UnfeatureTag(FeaturedTagStore featured) {
        this.featured = featured;
    }

    @Transactional
    public void handle(Viewer viewer, long id) {
        if (!featured.remove(viewer.accountId(), id)) throw NotFoundException.record();
    }
}
