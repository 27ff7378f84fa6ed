package org.hallway.api;

import org.hallway.api.entity.Status;
import org.hallway.posts.FindPosts;
import org.hallway.posts.MuteConversation;
import org.hallway.posts.PinToProfile;
import org.hallway.posts.UnmuteConversation;
import org.hallway.posts.UnpinFromProfile;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pinning one's posts to one's profile and muting threads (Mastodon's statuses/:id/pin|unpin|mute|unmute). */
@RestController
class PinsAndThreadMutesController {
    private final PinToProfile pin;
    private final UnpinFromProfile unpin;
    private final MuteConversation mute;
    private final UnmuteConversation unmute;
    private final FindPosts findPosts;
    private final Presenter presenter;

    PinsAndThreadMutesController(
            PinToProfile pin,
            UnpinFromProfile unpin,
            MuteConversation mute,
            UnmuteConversation unmute,
            FindPosts findPosts,
            Presenter presenter) {
        this.pin = pin;
        this.unpin = unpin;
        this.mute = mute;
        this.unmute = unmute;
        this.findPosts = findPosts;
        this.presenter = presenter;
    }

    @PostMapping("/api/v1/statuses/{id}/pin")
    Status pin(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        pin.handle(viewer, postId);
        return shown(viewer, postId);
    }

    @PostMapping("/api/v1/statuses/{id}/unpin")
    Status unpin(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        unpin.handle(viewer, postId);
        return shown(viewer, postId);
    }

    @PostMapping("/api/v1/statuses/{id}/mute")
    Status mute(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        mute.handle(viewer, postId);
        return shown(viewer, postId);
    }

    @PostMapping("/api/v1/statuses/{id}/unmute")
    Status unmute(Viewer viewer, @PathVariable String id) {
        long postId = Ids.parse(id);
        unmute.handle(viewer, postId);
        return shown(viewer, postId);
    }

    private Status shown(Viewer viewer, long postId) {
        return presenter.status(viewer, "thread", findPosts.require(viewer, postId));
    }
}
