package org.hallway.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.Account;
import org.hallway.api.entity.PreviewCard;
import org.hallway.api.entity.Tag;
import org.hallway.follow.FollowStore;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.search.Discovery;
import org.hallway.search.ReadTrends;
import org.hallway.search.SuggestFollows;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Trending hashtags, links and posts (Mastodon's /api/v1/trends) and who to follow (/api/v2/suggestions). */
@RestController
class TrendsController {
    private final ReadTrends trends;
    private final SuggestFollows suggestions;
    private final AccountStore accounts;
    private final FollowStore follows;
    private final Presenter presenter;
    private final BaseUrl baseUrl;
    private final FindPosts findPosts;

    TrendsController(
            ReadTrends trends,
            SuggestFollows suggestions,
            AccountStore accounts,
            FollowStore follows,
            Presenter presenter,
            BaseUrl baseUrl,
            FindPosts findPosts) {
        this.findPosts = findPosts;
        this.trends = trends;
        this.suggestions = suggestions;
        this.accounts = accounts;
        this.follows = follows;
        this.presenter = presenter;
        this.baseUrl = baseUrl;
    }

    /** {@code department} (Hallway's extension) narrows the trend to posts by one department. */
    @GetMapping({"/api/v1/trends/tags", "/api/v1/trends"})
    List<Tag> tags(Viewer viewer, Params params) {
        var found = trends.tags(
                viewer, params.string("department"), params.integer("limit", 10), params.integer("offset", 0));
        var followed = follows.followedTagsAmong(
                viewer.accountId(), found.stream().map(ReadTrends.Trend::tag).toList());
        var base = baseUrl.get();
        return found.stream()
                .map(t -> new Tag(
                        t.tag(),
                        t.tag(),
                        base + "/tags/" + t.tag(),
                        t.history().stream()
                                .<Object>map(d -> Map.of(
                                        "day", Long.toString(d.day().getEpochSecond()),
                                        "uses", Integer.toString(d.uses()),
                                        "accounts", Integer.toString(d.accounts())))
                                .toList(),
                        followed.contains(t.tag())))
                .toList();
    }

    /** Mastodon's Trends::Link: a PreviewCard with the daily history of the link's uses. */
    record TrendsLink(@JsonUnwrapped PreviewCard card, List<Map<String, String>> history) {}

    /** {@code department} (Hallway's extension) narrows the trend to posts by one department. */
    @GetMapping("/api/v1/trends/links")
    List<TrendsLink> links(Viewer viewer, Params params) {
        var base = baseUrl.get();
        return trends
                .links(viewer, params.string("department"), params.integer("limit", 10), params.integer("offset", 0))
                .stream()
                .map(t -> new TrendsLink(
                        PreviewCard.link(
                                t.url(),
                                t.title(),
                                t.description(),
                                t.domain(),
                                t.image() == null ? null : base + t.image().path(),
                                t.image() == null ? 0 : t.image().width(),
                                t.image() == null ? 0 : t.image().height(),
                                t.image() == null ? null : t.image().description(),
                                t.image() == null ? null : t.image().blurhash()),
                        history(t.history())))
                .toList();
    }

    /**
     * Posts engaged with more than usual (Mastodon's trending statuses; Elk's and Phanpy's explore pages
     * ask): only company-wide posts the reader may see. {@code department} as for hashtags.
     */
    @GetMapping("/api/v1/trends/statuses")
    List<org.hallway.api.entity.Status> statuses(Viewer viewer, Params params) {
        var ids = trends.statuses(
                viewer, params.string("department"), params.integer("limit", 20), params.integer("offset", 0));
        if (ids.isEmpty()) return List.of();
        return presenter.statuses(findPosts.hydrate(viewer, ids));
    }

    private static List<Map<String, String>> history(List<Discovery.TagDay> days) {
        return days.stream()
                .map(d -> Map.of(
                        "day", Long.toString(d.day().getEpochSecond()),
                        "uses", Integer.toString(d.uses()),
                        "accounts", Integer.toString(d.accounts())))
                .toList();
    }

    record Suggestion(String source, List<String> sources, String reason, Account account) {}

    @GetMapping("/api/v2/suggestions")
    List<Suggestion> suggestions(Viewer viewer, Params params) {
        var candidates = suggestions.handle(viewer, params.integer("limit", 40));
        var people = accounts.findAll(
                viewer.networkId(),
                candidates.stream().map(Discovery.Candidate::accountId).toList());
        var shown = new ArrayList<org.hallway.identity.Account>();
        for (var c : candidates) if (people.containsKey(c.accountId())) shown.add(people.get(c.accountId()));
        var entities = presenter.accounts(shown);
        var result = new ArrayList<Suggestion>();
        int i = 0;
        for (var c : candidates) {
            if (!people.containsKey(c.accountId())) continue;
            var friends = c.source().equals("followed_by_followees");
            result.add(new Suggestion(
                    friends ? "past_interactions" : "staff",
                    List.of(friends ? "friends_of_friends" : "featured"),
                    switch (c.source()) {
                        case "team" -> "In your team";
                        case "department" -> "In your department";
                        default -> "Followed by people you follow";
                    },
                    entities.get(i++)));
        }
        return result;
    }
}
