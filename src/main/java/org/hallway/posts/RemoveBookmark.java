package org.hallway.posts;

import org.hallway.audience.Visibility;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drops a post from one's bookmarks. */
@Service
public class RemoveBookmark {
    private final PostStore posts;
    private final ReactionStore reactions;
    private final Visibility audience;

    RemoveBookmark(PostStore posts, ReactionStore reactions, Visibility audience) {
        this.posts = posts;
        this.reactions = reactions;
        this.audience = audience;
    }

    @Transactional
    public Post handle(Viewer viewer, long postId) {
        var post = Reactions.original(posts, audience, viewer, postId);
        reactions.remove(ReactionStore.Kind.BOOKMARK, viewer.accountId(), post.id());
        return post;
    }
}
