package org.hallway.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.hallway.api.entity.Status;
import org.hallway.filters.ApplyFilters;
import org.hallway.shared.Viewer;
import org.hallway.timeline.FeedPage;
import org.hallway.timeline.ReadBookmarks;
import org.hallway.timeline.ReadCompanyFeed;
import org.hallway.timeline.ReadHomeFeed;
import org.hallway.timeline.ReadLikes;
import org.hallway.timeline.ReadTagFeed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The feeds: home, company (Mastodon's public timeline), hashtag, likes and bookmarks. */
@RestController
class TimelinesController {
    private final ReadHomeFeed home;
    private final ReadCompanyFeed company;
    private final ReadTagFeed tag;
    private final ReadLikes likes;
    private final ReadBookmarks bookmarks;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final ApplyFilters filters;

    TimelinesController(
            ReadHomeFeed home,
            ReadCompanyFeed company,
            ReadTagFeed tag,
            ReadLikes likes,
            ReadBookmarks bookmarks,
            Presenter presenter,
            BaseUrl baseUrl,
            ApplyFilters filters) {
        this.home = home;
        this.company = company;
        this.tag = tag;
        this.likes = likes;
        this.bookmarks = bookmarks;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
        this.filters = filters;
    }

    @GetMapping("/api/v1/timelines/home")
    ResponseEntity<List<Status>> home(Viewer viewer, Params params, HttpServletRequest request) {
        return respond(home.handle(viewer, Paging.from(params)), request, viewer, "home");
    }

    @GetMapping("/api/v1/timelines/public")
    ResponseEntity<List<Status>> company(Viewer viewer, Params params, HttpServletRequest request) {
        // Everything in a network is local: "remote=true" (posts from other servers) selects nothing.
        if (params.bool("remote", false) || params.bool("only_media", false)) return ResponseEntity.ok(List.of());
        return respond(company.handle(viewer, Paging.from(params)), request, viewer, "public");
    }

    @GetMapping("/api/v1/timelines/tag/{hashtag}")
    ResponseEntity<List<Status>> tag(
            Viewer viewer, @PathVariable String hashtag, Params params, HttpServletRequest request) {
        if (params.bool("remote", false) || params.bool("only_media", false)) return ResponseEntity.ok(List.of());
        return respond(tag.handle(viewer, hashtag, Paging.from(params)), request, viewer, "public");
    }

    @GetMapping("/api/v1/favourites")
    ResponseEntity<List<Status>> favourites(Viewer viewer, Params params, HttpServletRequest request) {
        return respond(likes.handle(viewer, Paging.from(params)), request, viewer);
    }

    @GetMapping("/api/v1/bookmarks")
    ResponseEntity<List<Status>> bookmarks(Viewer viewer, Params params, HttpServletRequest request) {
        return respond(bookmarks.handle(viewer, Paging.from(params)), request, viewer);
    }

    /** A feed page without the posts the reader's hide filters of {@code context} leave out. */
    private ResponseEntity<List<Status>> respond(
            FeedPage page, HttpServletRequest request, Viewer viewer, String context) {
        var shown = filters.hide(
                viewer, context, page.items(), v -> v.shown().post().authorId(), v -> v.shown()
                        .post()
                        .wording());
        return Paging.respond(
                presenter.statuses(viewer, context, shown), page.nextMaxId(), page.prevMinId(), request, baseUrl);
    }

    /** Likes and bookmarks: chosen by the reader, so no filter context applies to them. */
    private ResponseEntity<List<Status>> respond(FeedPage page, HttpServletRequest request, Viewer viewer) {
        return Paging.respond(
                presenter.statuses(viewer, "none", page.items()), page.nextMaxId(), page.prevMinId(), request, baseUrl);
    }
}
