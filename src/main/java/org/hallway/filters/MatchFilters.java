package org.hallway.filters;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * Which of the reader's active filters of a context each post of a page matches, with the keywords
 * that matched, so that apps can put a warning over it ({@code warn}) or know why it was left out
 * ({@code hide}). The reader's own posts match nothing. Reads the filters once per page.
 */
@Service
public class MatchFilters {
    /** A filter a post matched, and which of its keywords did. */
    public record Match(Filter filter, List<String> keywords) {}

    private final FilterStore filters;
    private final Clock clock;

    MatchFilters(FilterStore filters, Clock clock) {
        this.filters = filters;
        this.clock = clock;
    }

    /**
     * For each post, in order, its matches; {@code authors} gives each post's author and {@code text}
     * what the post at an index says (content warning and text), asked only of a reader with active
     * filters in {@code context}.
     */
    public List<List<Match>> handle(Viewer viewer, String context, List<Long> authors, IntFunction<String> text) {
        var now = clock.instant();
        var active = filters.ofAccount(viewer.accountId()).stream()
                .filter(f -> f.contexts().contains(context) && f.active(now))
                .toList();
        var result = new ArrayList<List<Match>>(authors.size());
        for (int i = 0; i < authors.size(); i++) {
            if (active.isEmpty() || authors.get(i) == viewer.accountId()) {
                result.add(List.of());
                continue;
            }
            var matches = new ArrayList<Match>();
            var says = text.apply(i);
            for (var f : active) {
                var keywords = f.matching(says);
                if (!keywords.isEmpty()) matches.add(new Match(f, keywords));
            }
            result.add(matches);
        }
        return result;
    }
}
