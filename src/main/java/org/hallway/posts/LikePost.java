package org.hallway.posts;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Likes a post (a repost's original); liking twice counts once. */
@Service
public class LikePost {
    private final PostStore posts;
    private final ReactionStore reactions;
    private final Visibility audience;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LikePost(
            PostStore posts,
            ReactionStore reactions,
            Visibility audience,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.posts = posts;
        this.reactions = reactions;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Post handle(Viewer viewer, long postId) {
        var post = Reactions.original(posts, audience, viewer, postId);
        if (reactions.add(
                ReactionStore.Kind.FAVOURITE,
                ids.next(),
                viewer.networkId(),
                viewer.accountId(),
                post.id(),
                clock.instant())) {
            posts.adjustCounters(post.id(), 0, 0, 1);
            events.publishEvent(new PostLiked(post.networkId(), post.id(), viewer.accountId()));
        }
        return posts.find(viewer.networkId(), post.id()).orElseThrow(NotFoundException::record);
    }
}
