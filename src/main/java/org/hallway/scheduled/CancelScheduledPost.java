package org.hallway.scheduled;

import org.hallway.media.HoldMedia;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drops one's scheduled post before it is published; the uploads it held are free again. */
@Service
public class CancelScheduledPost {
    private final ScheduledPostStore store;

    private final HoldMedia holdMedia;

    CancelScheduledPost(ScheduledPostStore store, HoldMedia holdMedia) {
        this.holdMedia = holdMedia;
        this.store = store;
    }

    @Transactional
    public void handle(Viewer viewer, long id) {
        var post = store.find(viewer.accountId(), id).orElseThrow(NotFoundException::record);
        if (!store.delete(post.id())) throw NotFoundException.record();
        holdMedia.release(post.id());
    }
}
