package org.hallway.posts;

import java.time.Clock;
import org.hallway.audience.Visibility;
import org.hallway.shared.Ids;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a post in one's private bookmarks. */
@Service
public class BookmarkPost {
    private final PostStore posts;
    private final ReactionStore reactions;
    private final Visibility audience;
    private final Ids ids;
    private final Clock clock;

    BookmarkPost(PostStore posts, ReactionStore reactions, Visibility audience, Ids ids, Clock clock) {
        this.posts = posts;
        this.reactions = reactions;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Post handle(Viewer viewer, long postId) {
        var post = Reactions.original(posts, audience, viewer, postId);
        reactions.add(
                ReactionStore.Kind.BOOKMARK,
                ids.next(),
                viewer.networkId(),
                viewer.accountId(),
                post.id(),
                clock.instant());
        return post;
    }
}
