package org.hallway.posts;

import java.time.Clock;
import java.util.List;
import org.hallway.audience.Visibility;
import org.hallway.groups.GroupPrivacy;
import org.hallway.groups.GroupStore;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Ids;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares a post with one's followers. A repost must never carry a post beyond its audience: only
 * company-wide posts and posts of public groups can be reposted. Reposting twice keeps the first repost.
 */
@Service
public class RepostPost {
    private final PostStore posts;
    private final Visibility audience;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GroupStore groups;

    RepostPost(
            PostStore posts,
            Visibility audience,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events,
            GroupStore groups) {
        this.posts = posts;
        this.groups = groups;
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
        requireRepostable(original);
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
                0,
                original.groupId());
        posts.insert(reblog, List.of(), List.of());
        posts.adjustCounters(original.id(), 0, 1, 0);
        if (reblog.visibility().counted()) posts.adjustAuthorStats(viewer.networkId(), viewer.accountId(), 1, now);
        var created = new PostCreated(
                reblog.networkId(),
                reblog.id(),
                reblog.authorId(),
                reblog.visibility(),
                original.id(),
                null,
                List.of(),
                List.of(),
                reblog.groupId());
        events.publishEvent(created);
        events.publishEvent(new PostsCreated(List.of(created)));
        return reblog;
    }

    /**
     * Only posts every colleague may read travel by repost: company-wide posts and posts of public
     * groups (whose repost keeps the group's audience). Everything narrower stays where it was said.
     */
    private void requireRepostable(Post original) {
        switch (original.visibility()) {
            case PUBLIC, UNLISTED -> {}
            case GROUP -> {
                var group =
                        groups.find(original.networkId(), original.groupId()).orElseThrow(NotFoundException::record);
                if (group.privacy() != GroupPrivacy.PUBLIC)
                    throw new ForbiddenException("Posts of private and secret groups can't be reposted");
            }
            case PRIVATE -> throw new ForbiddenException("Followers-only posts can't be reposted");
            case DIRECT -> throw new ForbiddenException("Direct messages can't be reposted");
        }
    }
}
