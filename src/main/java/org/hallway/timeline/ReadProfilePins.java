package org.hallway.timeline;

import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.posts.FindPosts;
import org.hallway.posts.PinStore;
import org.hallway.posts.PostView;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The posts a colleague pinned to their profile, most recently pinned first, as far as the reader may read them. */
@Service
public class ReadProfilePins {
    private final PinStore pins;
    private final FindPosts posts;
    private final Visibility audience;

    ReadProfilePins(PinStore pins, FindPosts posts, Visibility audience) {
        this.pins = pins;
        this.posts = posts;
        this.audience = audience;
    }

    @Transactional(readOnly = true)
    public List<PostView> handle(Viewer viewer, long accountId) {
        audience.requireAccountVisible(viewer, accountId);
        return posts.hydrate(viewer, pins.pinnedOf(viewer, accountId));
    }
}
