package org.hallway.posts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hallway.audience.Visibility;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.polls.FindPolls;
import org.hallway.polls.Poll;
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
    private final AccountStore accounts;
    private final Visibility audience;
    private final FindPolls polls;

    FindPosts(PostStore posts, AccountStore accounts, Visibility audience, FindPolls polls) {
        this.polls = polls;
        this.posts = posts;
        this.accounts = accounts;
        this.audience = audience;
    }

    /**
     * One post, or "not found" when it is absent, deleted or outside the viewer's audience. Like
     * {@link #hydrate}, it opens no transaction of its own.
     */
    public PostView require(Viewer viewer, long postId) {
        var views = hydrate(viewer, List.of(postId));
        // Colleagues always see their own posts (as the answer to a new post shows one): only other
        // colleagues' posts need the audience's word.
        if (views.isEmpty() || views.getFirst().post().authorId() != viewer.accountId())
            audience.requireVisible(viewer, postId);
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
        return List.of(new PostStore.Edit(
                p.id(), p.text(), p.html(), p.spoilerText(), p.sensitive(), p.createdAt(), List.of()));
    }

    /**
     * Colleagues who see the post's reader-dependent fields (liked, bookmarked, reposted, a poll's vote)
     * differently from a reader who never touched it: its author and everyone who liked, bookmarked or
     * reposted it. A live stream renders the post once for all other readers.
     */
    public Set<Long> withOwnState(PostView view) {
        return withOwnState(List.of(view)).get(view.post().id());
    }

    /** {@link #withOwnState(PostView)} of several posts in one statement, by the id of each view's post. */
    public Map<Long, Set<Long>> withOwnState(List<PostView> views) {
        var interactors = posts.interactors(
                views.stream().map(v -> v.shown().post().id()).distinct().toList());
        var result = new HashMap<Long, Set<Long>>();
        for (var view : views) {
            var shown = view.shown().post();
            var own = new HashSet<>(interactors.getOrDefault(shown.id(), Set.of()));
            own.add(shown.authorId());
            own.add(view.post().authorId());
            result.put(view.post().id(), own);
        }
        return result;
    }

    /**
     * The given posts in the given order; ids that are gone are skipped. It joins the caller's
     * transaction, if any, and opens none of its own: each statement reads what is committed when it
     * runs, as in a read-only transaction at read committed, without the round trip of a commit.
     */
    public List<PostView> hydrate(Viewer viewer, List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        var found = posts.findDetailed(viewer.networkId(), ids);
        var shownIds = new LinkedHashSet<Long>();
        var pollIds = new ArrayList<Long>();
        var accountIds = new HashSet<Long>();
        for (var d : found.values()) {
            if (!d.post().isReblog()) shownIds.add(d.post().id());
            if (d.hasPoll()) pollIds.add(d.post().id());
            accountIds.add(d.post().authorId());
            accountIds.addAll(d.mentionIds());
        }
        var people = accounts.findAll(viewer.networkId(), accountIds);
        var state = posts.readerState(viewer.accountId(), shownIds);
        var pollsOf = pollIds.isEmpty() ? Map.<Long, Poll>of() : polls.ofPosts(viewer, pollIds);

        var result = new ArrayList<PostView>(ids.size());
        for (var id : ids) {
            var d = found.get(id);
            if (d == null) continue;
            var p = d.post();
            if (p.isReblog()) {
                var original = found.get(p.reblogOfId());
                if (original == null) continue;
                var inner = view(original, people, state, pollsOf);
                result.add(new PostView(
                        p,
                        people.get(p.authorId()),
                        List.of(),
                        List.of(),
                        inner,
                        inner.favourited(),
                        inner.reblogged(),
                        inner.bookmarked(),
                        null,
                        false,
                        d.memo()));
            } else {
                result.add(view(d, people, state, pollsOf));
            }
        }
        return result;
    }

    private static PostView view(
            PostStore.Detailed d, Map<Long, Account> people, PostStore.ReaderState state, Map<Long, Poll> polls) {
        var p = d.post();
        var mentioned = d.mentionIds().isEmpty()
                ? List.<Account>of()
                : d.mentionIds().stream()
                        .map(people::get)
                        .filter(Objects::nonNull)
                        .toList();
        return new PostView(
                p,
                people.get(p.authorId()),
                d.tags(),
                mentioned,
                null,
                state.liked().contains(p.id()),
                state.reposted().contains(p.id()),
                state.bookmarked().contains(p.id()),
                polls.get(p.id()),
                d.hasMedia(),
                d.memo());
    }
}
