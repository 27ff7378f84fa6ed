package org.hallway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hallway.shared.PageRequest;
import org.hallway.shared.Viewer;
import org.hallway.timeline.FeedPage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Renders a page of a feed: the whole page on a normal visit, only the next cards and their "load
 * more" link when htmx asks for the next page.
 */
@Component
public class FeedPages {
    public static final int PAGE_SIZE = 20;

    private final Cards cards;

    FeedPages(Cards cards) {
        this.cards = cards;
    }

    public static PageRequest request(@Nullable Long maxId) {
        return new PageRequest(maxId, null, null, PAGE_SIZE);
    }

    /** Adds the cards and the next page's address to the model; returns the view to render. */
    public String render(
            Viewer viewer,
            FeedPage page,
            String path,
            String pageView,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var context = filterContext(path);
        model.addAttribute(
                "cards", context == null ? cards.of(viewer, page.items()) : cards.of(viewer, page.items(), context));
        String more = null;
        if (page.nextMaxId() != null && page.items().size() >= PAGE_SIZE) {
            more = path + (path.contains("?") ? "&" : "?") + "max_id=" + page.nextMaxId();
        }
        model.addAttribute("more", more);
        // The same address answers a whole page or a fragment; caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        return isHtmx(request) ? "fragments/feed-items" : pageView;
    }

    /**
     * The filter context of a feed, by its address as Mastodon's apps use them: home and lists are
     * {@code home}; the company feed, tags and groups {@code public}; a profile {@code account}. Mentions,
     * likes and bookmarks are the reader's own choices and are not filtered.
     */
    static @Nullable String filterContext(String path) {
        if (path.equals("/") || path.startsWith("/lists/")) return "home";
        if (path.equals("/company") || path.startsWith("/tags/") || path.startsWith("/groups/")) return "public";
        if (path.startsWith("/@")) return "account";
        return null;
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
