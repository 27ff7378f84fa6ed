package org.hallway.web.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hallway.groups.FindGroups;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FindPosts;
import org.hallway.search.FindExperts;
import org.hallway.search.RankedPost;
import org.hallway.search.Search;
import org.hallway.search.SearchQuery;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.Viewer;
import org.hallway.web.Cards;
import org.hallway.web.Form;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: posts (socially ranked, with the reasons), people and hashtags in tabs, the filters
 * of the query as removable chips, and "who knows about this" with an "ask" action.
 */
@Controller
class SearchPageController {
    static final int PAGE = 20;

    private final Search search;
    private final FindExperts experts;
    private final FindPosts findPosts;
    private final AccountStore accounts;
    private final Cards cards;
    private final FindGroups groups;

    SearchPageController(
            Search search,
            FindExperts experts,
            FindPosts findPosts,
            AccountStore accounts,
            Cards cards,
            FindGroups groups) {
        this.groups = groups;
        this.search = search;
        this.experts = experts;
        this.findPosts = findPosts;
        this.accounts = accounts;
        this.cards = cards;
    }

    @GetMapping("/search")
    String search(
            Viewer viewer,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "posts") String type,
            @RequestParam(defaultValue = "social") String order,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(defaultValue = "") String was,
            Model model) {
        var tab =
                switch (type) {
                    case "people", "accounts" -> "people";
                    case "hashtags", "tags" -> "hashtags";
                    default -> "posts";
                };
        var sort =
                switch (order) {
                    case "relevance", "recent" -> order;
                    default -> "social";
                };
        // The group picker changed: restrict the query to the picked group instead of the one before.
        if (group != null && !group.equals(was)) {
            try {
                return "redirect:" + SearchPage.href(SearchQuery.parse(q).withGroup(was, group), tab, sort);
            } catch (InvalidInputException e) {
                // The query itself is wrong: show it with its message below.
            }
        }
        var myGroups = groups.directory(viewer, true).stream()
                .map(g -> g.group().name())
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        model.addAttribute("myGroups", myGroups);
        model.addAttribute("pickedGroup", picked(q, myGroups));
        model.addAttribute("title", q.isBlank() ? "Search" : "Search: " + abbreviate(q));
        try {
            model.addAttribute("page", results(viewer, q, tab, sort, Math.max(0, offset)));
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "page",
                    new SearchPage(
                            q,
                            tab,
                            sort,
                            e.getMessage(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            null,
                            false));
        }
        return "pages/search";
    }

    /** "Ask": the compose page addressed to the colleague, with the topic as a starting point. */
    @GetMapping("/search/ask")
    String ask(Viewer viewer, @RequestParam String to, @RequestParam(defaultValue = "") String q, Model model) {
        var person = accounts.findByUsername(viewer.networkId(), to)
                .filter(a -> a.active())
                .orElseThrow(org.hallway.shared.NotFoundException::record);
        var topic = q.isBlank() ? "" : SearchQuery.parse(q).freeText();
        var text = "@" + person.username() + " " + (topic.isBlank() ? "" : "A question about " + topic + ": ");
        model.addAttribute("compose", Form.of("text", text, "visibility", "public"));
        return "pages/compose";
    }

    private SearchPage results(Viewer viewer, String q, String tab, String order, int offset) {
        if (q.isBlank()) {
            return new SearchPage(
                    q, tab, order, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, false);
        }
        var type =
                switch (tab) {
                    case "people" -> Search.Type.ACCOUNTS;
                    case "hashtags" -> Search.Type.HASHTAGS;
                    default -> Search.Type.STATUSES;
                };
        var results = search.handle(
                viewer,
                new Search.Command(
                        q, type, PAGE, Math.min(offset, Search.CANDIDATES), false, null, Search.Order.of(order)));
        var hits = hits(viewer, results.statuses());
        var people = new ArrayList<SearchPage.PersonRow>();
        var found = accounts.findAll(viewer.networkId(), results.accounts());
        for (var id : results.accounts()) {
            var a = found.get(id);
            if (a != null) people.add(new SearchPage.PersonRow(a, cards.avatar(a.id())));
        }
        var tags = results.hashtags().stream()
                .map(t -> new SearchPage.TagRow(t.name(), t.posts()))
                .toList();
        var expertRows = tab.equals("posts") && offset == 0 && results.query().hasText()
                ? experts(viewer, q)
                : List.<SearchPage.ExpertRow>of();
        String more = tab.equals("posts") && results.statuses().size() >= PAGE && offset + PAGE < Search.CANDIDATES
                ? SearchPage.href(q, tab, order) + "&offset=" + (offset + PAGE)
                : null;
        return new SearchPage(q, tab, order, null, results.query().chips(), hits, people, tags, expertRows, more, true);
    }

    private List<SearchPage.Hit> hits(Viewer viewer, List<RankedPost> ranked) {
        var views = findPosts.hydrate(
                viewer, ranked.stream().map(RankedPost::postId).toList());
        var byId = new java.util.HashMap<Long, org.hallway.posts.PostView>();
        views.forEach(v -> byId.put(v.post().id(), v));
        return ranked.stream()
                .filter(r -> byId.containsKey(r.postId()))
                .map(r -> new SearchPage.Hit(cards.of(viewer, byId.get(r.postId())), r.reasons()))
                .toList();
    }

    private List<SearchPage.ExpertRow> experts(Viewer viewer, String q) {
        var found = experts.handle(viewer, q, 3);
        var people = accounts.findAll(
                viewer.networkId(),
                found.stream().map(FindExperts.Expert::accountId).toList());
        return found.stream()
                .map(e -> {
                    var a = people.get(e.accountId());
                    if (a == null || !a.active()) return null;
                    var evidence = cards.of(
                            viewer,
                            findPosts.hydrate(
                                    viewer, e.evidence().stream().limit(2).toList()));
                    return new SearchPage.ExpertRow(a, cards.avatar(a.id()), evidence, e.reasons());
                })
                .filter(Objects::nonNull)
                .toList();
    }

    /** The reader's group the query is restricted to, as the picker shows it; empty when none. */
    private static String picked(String q, List<String> myGroups) {
        try {
            var named = SearchQuery.parse(q).groups();
            if (named.size() != 1) return "";
            return myGroups.stream()
                    .filter(g -> g.equalsIgnoreCase(named.getFirst()))
                    .findFirst()
                    .orElse("");
        } catch (InvalidInputException e) {
            return "";
        }
    }

    private static String abbreviate(String q) {
        return q.length() > 60 ? q.substring(0, 60) + "…" : q;
    }
}
