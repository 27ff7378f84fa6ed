package org.hallway.posts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hallway.audience.Visibility;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads posts as one reader sees them. Feeds pass the ids they selected (already filtered by
 * audience) and get them back hydrated in a constant number of queries, whatever the page size.
 */
@Service
public class FindPosts {
    private final PostStore posts;
    private final ReactionStore reactions;
    private final AccountStore accounts;
    private final Visibility audience;

    FindPosts(PostStore posts, ReactionStore reactions, AccountStore accounts, Visibility audience) {
        this.posts = posts;
        this.reactions = reactions;
        this.accounts = accounts;
        this.audience = audience;
    }

    /** One post, or "not found" when it is absent, deleted or outside the viewer's audience. */
    @Transactional(readOnly = true)
    public PostView require(Viewer viewer, long postId) {
        audience.requireVisible(viewer, postId);
        var views = hydrate(viewer, List.of(postId));
        if (views.isEmpty()) throw NotFoundException.record();
        return views.getFirst();
    }

    /** The version history of a post, oldest first; a post never edited has just its current version. */
    @Transactional(readOnly = true)
    public List<PostStore.Edit> history(Viewer viewer, long postId) {
        var view = require(viewer, postId);
        var edits = posts.edits(postId);
        if (!edits.isEmpty()) return edits;
        var p = view.post();
        return List.of(new PostStore.Edit(p.id(), p.text(), p.html(), p.spoilerText(), p.sensitive(), p.createdAt()));
    }

    /** The given posts in the given order; ids that are gone are skipped. */
    @Transactional(readOnly = true)
    public List<PostView> hydrate(Viewer viewer, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        var found = new java.util.HashMap<>(posts.findAll(viewer.networkId(), ids));
        var originalIds = found.values().stream()
                .map(Post::reblogOfId)
                .filter(Objects::nonNull)
                .filter(id -> !found.containsKey(id))
                .toList();
        found.putAll(posts.findAll(viewer.networkId(), originalIds));

        var shownIds = new LinkedHashSet<Long>();
        for (var p : found.values()) if (!p.isReblog()) shownIds.add(p.id());
        var tags = posts.tagsOf(shownIds);
        var mentions = posts.mentionsOf(shownIds);
        var accountIds = new HashSet<Long>();
        found.values().forEach(p -> accountIds.add(p.authorId()));
        mentions.values().forEach(accountIds::addAll);
        var people = accounts.findAll(viewer.networkId(), accountIds);
        Set<Long> liked =
                new HashSet<>(reactions.reactedAmong(ReactionStore.Kind.FAVOURITE, viewer.accountId(), shownIds));
        Set<Long> bookmarked =
                new HashSet<>(reactions.reactedAmong(ReactionStore.Kind.BOOKMARK, viewer.accountId(), shownIds));
        Set<Long> reposted = new HashSet<>(posts.rebloggedAmong(viewer.accountId(), shownIds));

        var result = new ArrayList<PostView>(ids.size());
        for (var id : ids) {
            var p = found.get(id);
            if (p == null) continue;
            if (p.isReblog()) {
                var original = found.get(p.reblogOfId());
                if (original == null) continue;
                var inner = view(original, people, tags, mentions, liked, bookmarked, reposted, null);
                result.add(new PostView(
                        p,
                        people.get(p.authorId()),
                        List.of(),
                        List.of(),
                        inner,
                        inner.favourited(),
                        inner.reblogged(),
                        inner.bookmarked()));
            } else {
                result.add(view(p, people, tags, mentions, liked, bookmarked, reposted, null));
            }
        }
        return result;
    }

    private static PostView view(
            Post p,
            Map<Long, Account> people,
            Map<Long, List<String>> tags,
            Map<Long, List<Long>> mentions,
            Set<Long> liked,
            Set<Long> bookmarked,
            Set<Long> reposted,
            PostView reblog) {
        var mentioned = mentions.getOrDefault(p.id(), List.of()).stream()
                .map(people::get)
                .filter(Objects::nonNull)
                .toList();
        return new PostView(
                p,
                people.get(p.authorId()),
                tags.getOrDefault(p.id(), List.of()),
                mentioned,
                reblog,
                liked.contains(p.id()),
                reposted.contains(p.id()),
                bookmarked.contains(p.id()));
    }
}
