package org.hallway.web.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hallway.audience.Visibility;
import org.hallway.directory.ReadOrgChart;
import org.hallway.follow.FollowAccount;
import org.hallway.follow.RelationStore;
import org.hallway.follow.UnfollowAccount;
import org.hallway.identity.Account;
import org.hallway.identity.AccountStore;
import org.hallway.posts.FeaturedTagStore;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadProfileFeed;
import org.hallway.timeline.ReadProfilePins;
import org.hallway.web.Cards;
import org.hallway.web.FeedPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A colleague's profile: who they are at work, whom they report to, and their posts. */
@Controller
class ProfileController {
    private final AccountStore accounts;
    private final People people;
    private final FollowAccount follow;
    private final UnfollowAccount unfollow;
    private final ReadProfileFeed feed;
    private final FeedPages pages;
    private final Visibility audience;
    private final ReadOrgChart orgChart;
    private final ReadProfilePins pins;
    private final Cards cards;
    private final RelationStore relations;
    private final FeaturedTagStore featured;

    ProfileController(
            AccountStore accounts,
            People people,
            FollowAccount follow,
            UnfollowAccount unfollow,
            ReadProfileFeed feed,
            FeedPages pages,
            Visibility audience,
            ReadOrgChart orgChart,
            ReadProfilePins pins,
            Cards cards,
            RelationStore relations,
            FeaturedTagStore featured) {
        this.featured = featured;
        this.pins = pins;
        this.cards = cards;
        this.relations = relations;
        this.audience = audience;
        this.orgChart = orgChart;
        this.accounts = accounts;
        this.people = people;
        this.follow = follow;
        this.unfollow = unfollow;
        this.feed = feed;
        this.pages = pages;
    }

    @GetMapping("/@{username}")
    String profile(
            Viewer viewer,
            @PathVariable String username,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        var account = find(viewer, username);
        model.addAttribute("title", account.displayName() + " (@" + account.username() + ")");
        model.addAttribute("person", people.person(viewer, account));
        model.addAttribute("details", people.details(viewer, account, orgChart.handle(viewer, account.id())));
        model.addAttribute("empty", account.displayName() + " hasn't posted anything you can see yet.");
        if (maxId == null) model.addAttribute("pinned", cards.of(viewer, pins.handle(viewer, account.id())));
        // Featured hashtags, counted over the posts this reader may see.
        if (maxId == null) model.addAttribute("featured", featured.of(viewer, account.id()));
        var them = java.util.List.of(account.id());
        model.addAttribute(
                "muting", relations.mutesAmong(viewer.accountId(), them).containsKey(account.id()));
        model.addAttribute(
                "blocking", relations.blockingAmong(viewer.accountId(), them).contains(account.id()));
        var page =
                feed.handle(viewer, account.id(), new ReadProfileFeed.Options(false, false), FeedPages.request(maxId));
        return pages.render(viewer, page, "/@" + account.username(), "pages/profile", model, req, res);
    }

    /** The org chart around a colleague: managers up to the top, then them, their reports and peers. */
    @GetMapping("/@{username}/org")
    String org(Viewer viewer, @PathVariable String username, Model model) {
        var account = find(viewer, username);
        var chart = orgChart.handle(viewer, account.id());
        model.addAttribute("title", "Org chart of " + account.displayName());
        model.addAttribute("person", people.person(viewer, account));
        model.addAttribute("managers", people.people(viewer, chart.managers()));
        model.addAttribute("reports", people.people(viewer, chart.reports()));
        model.addAttribute("peers", people.people(viewer, chart.peers()));
        return "pages/org-chart";
    }

    @PostMapping("/@{username}/follow")
    String follow(Viewer viewer, @PathVariable String username, Model model, HttpServletRequest req) {
        var account = find(viewer, username);
        follow.handle(viewer, account.id());
        return head(viewer, account, model, req);
    }

    @PostMapping("/@{username}/unfollow")
    String unfollow(Viewer viewer, @PathVariable String username, Model model, HttpServletRequest req) {
        var account = find(viewer, username);
        unfollow.handle(viewer, account.id());
        return head(viewer, account, model, req);
    }

    private String head(Viewer viewer, Account account, Model model, HttpServletRequest req) {
        if (!FeedPages.isHtmx(req)) return "redirect:/@" + account.username();
        model.addAttribute("person", people.person(viewer, account));
        return "fragments/profile-head";
    }

    private Account find(Viewer viewer, String username) {
        var account = accounts.findByUsername(viewer.networkId(), username).orElseThrow(NotFoundException::record);
        audience.requireAccountVisible(viewer, account.id());
        return account;
    }
}
