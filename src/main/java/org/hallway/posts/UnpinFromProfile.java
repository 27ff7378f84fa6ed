package org.hallway.posts;

import org.hallway.audience.Visibility;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a post off the colleague's profile pins; unpinning a post not pinned changes nothing. */
@Service
public class UnpinFromProfile {
    private final PinStore pins;
    private final Visibility audience;

    UnpinFromProfile(PinStore pins, Visibility audience) {
        this.pins = pins;
        this.audience = audience;
    }

    @Transactional
    public void handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        pins.unpin(viewer.accountId(), postId);
    }
}
