package org.hallway.scheduled;

import java.util.List;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/** A colleague's own scheduled posts; nobody else's exist for them. */
@Service
public class FindScheduledPosts {
    private final ScheduledPostStore store;

    FindScheduledPosts(ScheduledPostStore store) {
        this.store = store;
    }

    public List<ScheduledPost> page(Viewer viewer, PageRequest page) {
        return store.page(viewer.accountId(), page);
    }

    public ScheduledPost require(Viewer viewer, long id) {
        return store.find(viewer.accountId(), id).orElseThrow(NotFoundException::record);
    }
}
