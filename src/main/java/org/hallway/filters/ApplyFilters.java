package org.hallway.filters;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;

/**
 * Applies the reader's active filters to a page of a feed, at read time: posts matching a {@code hide}
 * filter of that context are left out. The reader's own posts are never filtered.
 */
@Service
public class ApplyFilters {
    private final FilterStore filters;
    private final Clock clock;

    ApplyFilters(FilterStore filters, Clock clock) {
        this.filters = filters;
        this.clock = clock;
    }

    /**
     * The items that no hide filter of {@code context} removes; {@code author} and {@code text} say who
     * wrote an item and what it says (content and content warning).
     */
    public <T> List<T> hide(
            Viewer viewer, String context, List<T> items, Function<T, Long> author, Function<T, String> text) {
        if (items.isEmpty()) return items;
        var now = clock.instant();
        var hiding = filters.ofAccount(viewer.accountId()).stream()
                .filter(f -> f.action().equals("hide") && f.contexts().contains(context) && f.active(now))
                .toList();
        if (hiding.isEmpty()) return items;
        return items.stream()
                .filter(item -> author.apply(item) == viewer.accountId()
                        || hiding.stream()
                                .noneMatch(f -> !f.matching(text.apply(item)).isEmpty()))
                .toList();
    }
}
