package org.hallway.web.posts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hallway.notify.OfferCatchUp;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadBookmarks;
import org.hallway.timeline.ReadCompanyFeed;
import org.hallway.timeline.ReadHomeFeed;
import org.hallway.timeline.ReadLikes;
import org.hallway.timeline.ReadMentions;
import org.hallway.web.Cards;
import org.hallway.web.FeedPages;
import org.hallway.web.Form;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reader's feeds: home (with the compose box), company, mentions, likes and bookmarks. */
@Controller
class FeedController {
    private final ReadHomeFeed home;
    private final ReadCompanyFeed company;
    private final ReadMentions mentions;
    private final ReadLikes likes;
    private final ReadBookmarks bookmarks;
    private final FeedPages pages;
    private final OfferCatchUp offerCatchUp;
    private final Cards cards;

    FeedController(
            ReadHomeFeed home,
            ReadCompanyFeed company,
            ReadMentions mentions,
            ReadLikes likes,
            ReadBookmarks bookmarks,
            FeedPages pages,
            OfferCatchUp offerCatchUp,
            Cards cards) {
        this.home = home;
        this.company = company;
        this.mentions = mentions;
        this.likes = likes;
        this.bookmarks = bookmarks;
        this.pages = pages;
        this.offerCatchUp = offerCatchUp;
        this.cards = cards;
    }

    @GetMapping("/")
    String home(
            Viewer viewer,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        model.addAttribute("compose", Form.of("visibility", "public"));
        model.addAttribute("live", "home");
        offerCatchUp.awaySince(viewer).ifPresent(since -> model.addAttribute("awaySince", cards.when(since)));
        return feed(
                        model,
                        "Home",
                        "Posts from the colleagues and hashtags you follow, and your own.",
                        "Your home feed is quiet. Follow colleagues on the People page or hashtags you care about, and their posts show up here.")
                .render(viewer, home.handle(viewer, FeedPages.request(maxId)), "/", "pages/feed", model, req, res);
    }

    @GetMapping("/company")
    String company(
            Viewer viewer,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        model.addAttribute("live", "company");
        return feed(
                        model,
                        "Company",
                        "Everything shared company-wide, newest first.",
                        "Nobody has posted company-wide yet.")
                .render(
                        viewer,
                        company.handle(viewer, FeedPages.request(maxId)),
                        "/company",
                        "pages/feed",
                        model,
                        req,
                        res);
    }

    @GetMapping("/mentions")
    String mentions(
            Viewer viewer,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        return feed(
                        model,
                        "Mentions",
                        "Posts that mention you.",
                        "No mentions yet. When a colleague writes @you, it shows up here.")
                .render(
                        viewer,
                        mentions.handle(viewer, FeedPages.request(maxId)),
                        "/mentions",
                        "pages/feed",
                        model,
                        req,
                        res);
    }

    @GetMapping("/likes")
    String likes(
            Viewer viewer,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        return feed(model, "Likes", "Posts you liked, most recent first.", "You haven't liked anything yet.")
                .render(
                        viewer,
                        likes.handle(viewer, FeedPages.request(maxId)),
                        "/likes",
                        "pages/feed",
                        model,
                        req,
                        res);
    }

    @GetMapping("/bookmarks")
    String bookmarks(
            Viewer viewer,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        return feed(
                        model,
                        "Bookmarks",
                        "Posts you kept for later. Only you can see your bookmarks.",
                        "No bookmarks yet. Bookmark a post to find it here later.")
                .render(
                        viewer,
                        bookmarks.handle(viewer, FeedPages.request(maxId)),
                        "/bookmarks",
                        "pages/feed",
                        model,
                        req,
                        res);
    }

    private FeedPages feed(Model model, String title, String intro, String empty) {
        model.addAttribute("title", title);
        model.addAttribute("intro", intro);
        model.addAttribute("empty", empty);
        return pages;
    }
}
