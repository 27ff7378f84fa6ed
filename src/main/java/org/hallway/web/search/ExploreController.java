package org.hallway.web.search;

import java.util.List;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.search.Discovery;
import org.hallway.search.ReadTrends;
import org.hallway.search.SuggestFollows;
import org.hallway.shared.Viewer;
import org.hallway.web.Cards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Explore: hashtags, links and posts trending in the company (or one department) and colleagues worth
 * following.
 */
@Controller
class ExploreController {
    private final ReadTrends trends;
    private final SuggestFollows suggestions;
    private final AccountStore accounts;
    private final Cards cards;
    private final FindPosts findPosts;

    ExploreController(
            ReadTrends trends, SuggestFollows suggestions, AccountStore accounts, Cards cards, FindPosts findPosts) {
        this.findPosts = findPosts;
        this.trends = trends;
        this.suggestions = suggestions;
        this.accounts = accounts;
        this.cards = cards;
    }

    /** How many trending posts the page shows. */
    static final int TRENDING_POSTS = 10;

    @GetMapping("/explore")
    String explore(Viewer viewer, @RequestParam(defaultValue = "") String department, Model model) {
        var trending = trends.tags(viewer, department, ReadTrends.MAX_LIMIT, 0).stream()
                .map(t -> new SearchPage.TrendRow(
                        t.tag(),
                        t.history().getFirst().uses(),
                        t.history().stream().mapToInt(Discovery.TagDay::uses).sum()))
                .toList();
        var links = trends.links(viewer, department, ReadTrends.MAX_LIMIT, 0).stream()
                .map(t -> new SearchPage.LinkRow(
                        t.url(),
                        t.title(),
                        t.description(),
                        t.domain(),
                        t.image(),
                        t.history().getFirst().uses(),
                        t.history().stream().mapToInt(Discovery.TagDay::uses).sum()))
                .toList();
        var posts = cards.of(
                viewer, findPosts.hydrate(viewer, trends.statuses(viewer, department, TRENDING_POSTS, 0)), "public");
        var candidates = suggestions.handle(viewer, 10);
        var people = accounts.findAll(
                viewer.networkId(),
                candidates.stream().map(Discovery.Candidate::accountId).toList());
        List<SearchPage.SuggestionRow> rows = candidates.stream()
                .filter(c -> people.containsKey(c.accountId()))
                .map(c -> new SearchPage.SuggestionRow(
                        new SearchPage.PersonRow(people.get(c.accountId()), cards.avatar(c.accountId())),
                        switch (c.source()) {
                            case "team" -> "In your team";
                            case "department" -> "In your department";
                            default -> "Followed by people you follow";
                        }))
                .toList();
        model.addAttribute("title", "Explore");
        model.addAttribute("department", department);
        model.addAttribute("trends", trending);
        model.addAttribute("links", links);
        model.addAttribute("posts", posts);
        model.addAttribute("suggestions", rows);
        return "pages/explore";
    }
}
