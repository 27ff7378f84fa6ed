package org.hallway.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.SearchResults;
import org.hallway.api.entity.Status;
import org.hallway.api.entity.Tag;
import org.hallway.follow.FollowStore;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.search.FindExperts;
import org.hallway.search.RankedPost;
import org.hallway.search.RebuildIndex;
import org.hallway.search.Search;
import org.hallway.search.SearchIndex;
import org.hallway.shared.ForbiddenException;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mastodon's search ({@code /api/v2/search}) over Hallway's index, the expertise finder
 * ({@code /api/v1/experts}) and the administrator's index rebuild.
 */
@RestController
class SearchController {
    private final Search search;
    private final FindExperts experts;
    private final RebuildIndex rebuild;
    private final FindPosts findPosts;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final Presenter presenter;
    private final BaseUrl baseUrl;

    SearchController(
            Search search,
            FindExperts experts,
            RebuildIndex rebuild,
            FindPosts findPosts,
            AccountStore accounts,
            FollowStore follows,
            Presenter presenter,
            BaseUrl baseUrl) {
        this.search = search;
        this.experts = experts;
        this.rebuild = rebuild;
        this.findPosts = findPosts;
        this.accounts = accounts;
        this.follows = follows;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v2/search")
    SearchResults search(Viewer viewer, Params params) {
        var results = search.handle(
                viewer,
                new Search.Command(
                        params.string("q"),
                        Search.Type.of(params.string("type")),
                        params.integer("limit", 20),
                        params.integer("offset", 0),
                        params.bool("following", false),
                        params.id("account_id"),
                        Search.Order.of(params.string("order"))));
        var people = accounts.findAll(viewer.networkId(), results.accounts());
        var accountEntities = presenter.accounts(results.accounts().stream()
                .map(people::get)
                .filter(java.util.Objects::nonNull)
                .toList());
        return new SearchResults(
                accountEntities, statuses(viewer, results.statuses()), tags(viewer, results.hashtags()));
    }

    @GetMapping("/api/v1/experts")
    List<SearchResults.Expert> experts(Viewer viewer, Params params) {
        var found = experts.handle(viewer, params.required("q"), params.integer("limit", 10));
        var people = accounts.findAll(
                viewer.networkId(),
                found.stream().map(FindExperts.Expert::accountId).toList());
        var result = new ArrayList<SearchResults.Expert>();
        for (var e : found) {
            var person = people.get(e.accountId());
            if (person == null || !person.active()) continue;
            var evidence = presenter.statuses(findPosts.hydrate(viewer, e.evidence()));
            result.add(new SearchResults.Expert(
                    presenter.account(person), Math.round(e.score() * 1000) / 1000.0, evidence, e.reasons()));
        }
        return result;
    }

    @PostMapping("/api/v1/admin/search/rebuild")
    Map<String, Object> rebuild(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
        boolean started = rebuild.handle(viewer);
        return status(started);
    }

    @GetMapping("/api/v1/admin/search")
    Map<String, Object> status(Viewer viewer) {
        if (!viewer.admin()) throw new ForbiddenException("This action is not allowed");
        return status(false);
    }

    private Map<String, Object> status(boolean started) {
        SearchIndex.Status s = rebuild.status();
        var body = new HashMap<String, Object>();
        body.put("started", started);
        body.put("rebuilding", s.rebuilding());
        body.put("documents", s.documents());
        body.put("rebuilds", s.rebuilds());
        body.put("last_rebuilt_at", Presenter.time(s.lastRebuiltAt()));
        body.put(
                "last_rebuild_ms",
                s.lastRebuildTook() == null ? null : s.lastRebuildTook().toMillis());
        return body;
    }

    private List<SearchResults.RankedStatus> statuses(Viewer viewer, List<RankedPost> ranked) {
        var views = findPosts.hydrate(
                viewer, ranked.stream().map(RankedPost::postId).toList());
        var entities = presenter.statuses(views);
        var byId = new HashMap<String, Status>();
        for (var s : entities) byId.put(s.id(), s);
        var result = new ArrayList<SearchResults.RankedStatus>();
        for (var r : ranked) {
            var s = byId.get(Long.toString(r.postId()));
            if (s == null) continue;
            result.add(new SearchResults.RankedStatus(
                    s,
                    new SearchResults.Ranking(
                            Math.round(r.score() * 1000) / 1000.0,
                            Math.round(r.relevance() * 1000) / 1000.0,
                            r.reasons())));
        }
        return result;
    }

    private List<Tag> tags(Viewer viewer, List<SearchIndex.TagHit> hits) {
        if (hits.isEmpty()) return List.of();
        var names = hits.stream().map(SearchIndex.TagHit::name).toList();
        var followed = follows.followedTagsAmong(viewer.accountId(), names);
        var base = baseUrl.get();
        return names.stream()
                .map(t -> new Tag(t, t, base + "/tags/" + t, List.of(), followed.contains(t)))
                .toList();
    }
}
