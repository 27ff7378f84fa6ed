package org.hallway.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hallway.api.entity.Status;
import org.hallway.filters.MatchFilters;
import org.hallway.posts.ConversationMuteStore;
import org.hallway.posts.PinStore;
import org.hallway.posts.Post;
import org.hallway.posts.PostView;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * What a status says about its reader beyond likes and bookmarks: {@code pinned} (the reader's own post
 * on their profile), {@code muted} (the reader muted its thread) and {@code filtered} (the reader's
 * filters of the feed's context that it matches). A fixed number of queries per page.
 */
@Component
class StatusMarks {
    private final PinStore pins;
    private final ConversationMuteStore mutedThreads;
    private final MatchFilters filters;

    StatusMarks(PinStore pins, ConversationMuteStore mutedThreads, MatchFilters filters) {
        this.pins = pins;
        this.mutedThreads = mutedThreads;
        this.filters = filters;
    }

    /** {@code statuses} are {@code views} presented, in the same order; {@code context} is a filter context. */
    List<Status> apply(Viewer viewer, String context, List<PostView> views, List<Status> statuses) {
        if (views.isEmpty()) return statuses;
        var shown = new ArrayList<Post>(views.size());
        var ids = new ArrayList<Long>(views.size());
        var authors = new ArrayList<Long>(views.size());
        var own = new ArrayList<Long>();
        for (var view : views) {
            var post = view.shown().post();
            shown.add(post);
            ids.add(post.id());
            authors.add(post.authorId());
            if (post.authorId() == viewer.accountId()) own.add(post.id());
        }
        var pinned = pins.pinnedAmong(viewer.accountId(), own);
        var muted = mutedThreads.mutedAmong(viewer.accountId(), ids);
        var matches = filters.handle(viewer, context, authors, i -> shown.get(i).wording());
        var result = new ArrayList<Status>(statuses.size());
        for (int i = 0; i < statuses.size(); i++) {
            long id = ids.get(i);
            var filtered = new ArrayList<Object>();
            for (var m : matches.get(i)) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("filter", FiltersController.entity(m.filter()));
                entry.put("keyword_matches", m.keywords());
                entry.put("status_matches", null);
                filtered.add(entry);
            }
            result.add(statuses.get(i).withMarks(pinned.contains(id), muted.contains(id), filtered));
        }
        return result;
    }
}
