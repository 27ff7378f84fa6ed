package org.hallway.scheduled;

import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drops one's scheduled post before it is published. */
@Service
public class CancelScheduledPost {
    private final ScheduledPostStore store;

    CancelScheduledPost(ScheduledPostStore store) {
        this.store = store;
    }

    @Transactional
    public void handle(Viewer viewer, long id) {
        var post = store.find(viewer.accountId(), id).orElseThrow(NotFoundException::record);
        if (!store.delete(post.id())) throw NotFoundException.record();
    }
}
