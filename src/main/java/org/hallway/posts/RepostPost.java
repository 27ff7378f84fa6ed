package org.hallway.posts;

import java.time.Clock;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares a company-wide post with one's followers. Followers-only posts cannot be reposted: a repost
 * must never carry a post beyond its audience. Reposting twice keeps the first repost.
 */
@Service
public class RepostPost {
    private final PostStore posts;
    private final Visibility audience;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RepostPost(PostStore posts, Visibility audience, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.posts = posts;
        this.audience = audience;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Post handle(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var target = posts.find(viewer.networkId(), postId).orElseThrow(NotFoundException::record);
        var original = target.isReblog()
                ? posts.find(viewer.networkId(), target.reblogOfId()).orElseThrow(NotFoundException::record)
                : target;
        if (!original.visibility().companyWide()) {
            throw new ForbiddenException("Followers-only posts can't be reposted");
        }
        var existing = posts.findReblog(viewer.accountId(), original.id());
        if (existing.isPresent()) return existing.get();
        var now = clock.instant();
        var reblog = new Post(
                ids.next(),
                viewer.networkId(),
                viewer.accountId(),
                original.visibility(),
                "",
                "",
                "",
                false,
                null,
                null,
                null,
                original.id(),
                now,
                null,
                0,
                0,
                0);
        posts.insert(reblog, List.of(), List.of());
        posts.adjustCounters(original.id(), 0, 1, 0);
        posts.adjustAuthorStats(viewer.networkId(), viewer.accountId(), 1, now);
        events.publishEvent(new PostCreated(
                reblog.networkId(),
                reblog.id(),
                reblog.authorId(),
                reblog.visibility(),
                original.id(),
                null,
                List.of(),
                List.of()));
        return reblog;
    }
}
