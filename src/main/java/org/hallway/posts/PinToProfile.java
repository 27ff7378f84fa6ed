package org.hallway.posts;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pins one of the colleague's own posts to the top of their profile, as Mastodon does: company-wide or
 * followers-only posts, not reposts, at most {@value #MAX} at a time. Pinning again changes nothing.
 */
@Service
public class PinToProfile {
    public static final int MAX = 5;

    private final PostStore posts;
    private final PinStore pins;
    private final Visibility audience;
    private final Ids ids;
    private final Clock clock;

    PinToProfile(PostStore posts, PinStore pins, Visibility audience, Ids ids, Clock clock) {
        this.posts = posts;
        this.pins = pins;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public void handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var post = posts.find(viewer.networkId(), postId).orElseThrow(NotFoundException::record);
        if (post.authorId() != viewer.accountId())
            throw new InvalidInputException("Validation failed: You can only pin your own posts");
        if (post.isReblog()) throw new InvalidInputException("Validation failed: A repost can't be pinned");
        switch (post.visibility()) {
            case PUBLIC, UNLISTED, PRIVATE -> {}
            default -> throw new InvalidInputException(
                    "Validation failed: Only public, unlisted and followers-only posts can be pinned");
        }
        if (pins.pinnedAmong(viewer.accountId(), java.util.List.of(postId)).contains(postId)) return;
        if (pins.count(viewer.accountId()) >= MAX)
            throw new InvalidInputException("Validation failed: You can't pin more than " + MAX + " posts");
        pins.pin(ids.next(), viewer.networkId(), viewer.accountId(), postId, clock.instant());
    }
}
