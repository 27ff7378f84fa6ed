package org.hallway.posts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hallway.audience.Visibility;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes back one's repost of a post; a no-op when there is none. */
@Service
public class UndoRepost {
    private final PostStore posts;
    private final Visibility audience;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    UndoRepost(PostStore posts, Visibility audience, Clock clock, ApplicationEventPublisher events) {
        this.posts = posts;
        this.audience = audience;
        this.clock = clock;
        this.events = events;
    }

    /** The original post, now without this viewer's repost. */
    @Transactional
    public Optional<Post> handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var target = posts.find(viewer.networkId(), postId).orElseThrow(org.hallway.shared.NotFoundException::record);
        long originalId = target.isReblog() ? target.reblogOfId() : target.id();
        posts.findReblog(viewer.accountId(), originalId).ifPresent(reblog -> {
            posts.markDeleted(List.of(reblog), clock.instant());
            posts.adjustCounters(originalId, 0, -1, 0);
            posts.adjustAuthorStats(viewer.networkId(), viewer.accountId(), -1, null);
            events.publishEvent(new PostDeleted(reblog.networkId(), reblog.id(), reblog.authorId(), List.of()));
        });
        return posts.find(viewer.networkId(), originalId);
    }
}
