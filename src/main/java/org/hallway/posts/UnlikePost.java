package org.hallway.posts;

import org.hallway.audience.Visibility;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes a like back; a no-op when there was none. */
@Service
public class UnlikePost {
    private final PostStore posts;
    private final ReactionStore reactions;
    private final Visibility audience;
    private final ApplicationEventPublisher events;

    UnlikePost(PostStore posts, ReactionStore reactions, Visibility audience, ApplicationEventPublisher events) {
        this.posts = posts;
        this.reactions = reactions;
        this.audience = audience;
        this.events = events;
    }

    @Transactional
    public Post handle(Viewer viewer, long postId) {
        var post = Reactions.original(posts, audience, viewer, postId);
        if (reactions.remove(ReactionStore.Kind.FAVOURITE, viewer.accountId(), post.id())) {
            posts.adjustCounters(post.id(), 0, 0, -1);
            events.publishEvent(new PostUnliked(post.networkId(), post.id(), viewer.accountId()));
        }
        return posts.find(viewer.networkId(), post.id()).orElseThrow(NotFoundException::record);
    }
}
