package org.hallway.posts;

import java.time.Clock;
import java.util.ArrayList;
import org.hallway.audience.Visibility;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a post (its author, or an administrator moderating) together with the reposts of it. The
 * row is kept, marked deleted, so replies keep their place in threads; no read path shows it again.
 */
@Service
public class DeletePost {
    private final PostStore posts;
    private final Visibility audience;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeletePost(PostStore posts, Visibility audience, Clock clock, ApplicationEventPublisher events) {
        this.posts = posts;
        this.audience = audience;
        this.clock = clock;
        this.events = events;
    }

    /** Returns the post as it was, so a client can offer "delete and redraft". */
    @Transactional
    public Post handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var post = posts.find(viewer.networkId(), postId).orElseThrow(NotFoundException::record);
        if (post.authorId() != viewer.accountId() && !viewer.admin()) {
            throw new ForbiddenException("This action is not allowed");
        }
        var reblogs = post.isReblog() ? java.util.List.<Long>of() : posts.reblogsOf(post.id());
        var now = clock.instant();
        var reposters = posts.findAll(post.networkId(), reblogs).values();
        var gone = new ArrayList<Post>(reposters);
        gone.add(post);
        posts.markDeleted(gone, now);
        if (post.inReplyToId() != null && countsAsReply(post)) posts.adjustCounters(post.inReplyToId(), -1, 0, 0);
        if (post.reblogOfId() != null) posts.adjustCounters(post.reblogOfId(), 0, -1, 0);
        if (post.visibility().counted()) posts.adjustAuthorStats(post.networkId(), post.authorId(), -1, null);
        for (var reblog : reposters) {
            if (reblog.visibility().counted()) posts.adjustAuthorStats(reblog.networkId(), reblog.authorId(), -1, null);
        }
        events.publishEvent(new PostDeleted(post.networkId(), post.id(), post.authorId(), reblogs));
        return post;
    }

    /** Mirrors {@link CreatePost}: a reply counts on its parent unless it is narrower than counts may show. */
    private boolean countsAsReply(Post reply) {
        var parent = posts.find(reply.networkId(), reply.inReplyToId());
        return parent.isEmpty() || CreatePost.countsAsReply(reply.visibility(), parent.get());
    }
}
