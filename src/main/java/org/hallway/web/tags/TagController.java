package org.hallway.web.tags;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hallway.follow.FollowStore;
import org.hallway.follow.FollowTag;
import org.hallway.follow.TagName;
import org.hallway.follow.UnfollowTag;
import org.hallway.shared.Viewer;
import org.hallway.timeline.ReadTagFeed;
import org.hallway.web.FeedPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A hashtag's page: its company-wide posts, and a button to have them in one's home feed. */
@Controller
class TagController {
    private final ReadTagFeed feed;
    private final FollowStore follows;
    private final FollowTag follow;
    private final UnfollowTag unfollow;
    private final FeedPages pages;

    TagController(ReadTagFeed feed, FollowStore follows, FollowTag follow, UnfollowTag unfollow, FeedPages pages) {
        this.feed = feed;
        this.follows = follows;
        this.follow = follow;
        this.unfollow = unfollow;
        this.pages = pages;
    }

    @GetMapping("/tags/{tag}")
    String tag(
            Viewer viewer,
            @PathVariable String tag,
            @RequestParam(name = "max_id", required = false) Long maxId,
            Model model,
            HttpServletRequest req,
            HttpServletResponse res) {
        var name = TagName.of(tag);
        model.addAttribute("title", "#" + name);
        model.addAttribute("empty", "No company-wide posts with #" + name + " yet.");
        head(viewer, name, model);
        return pages.render(
                viewer,
                feed.handle(viewer, name, FeedPages.request(maxId)),
                "/tags/" + name,
                "pages/tag",
                model,
                req,
                res);
    }

    @PostMapping("/tags/{tag}/follow")
    String follow(Viewer viewer, @PathVariable String tag, Model model, HttpServletRequest req) {
        return after(viewer, follow.handle(viewer, tag), model, req);
    }

    @PostMapping("/tags/{tag}/unfollow")
    String unfollow(Viewer viewer, @PathVariable String tag, Model model, HttpServletRequest req) {
        return after(viewer, unfollow.handle(viewer, tag), model, req);
    }

    private String after(Viewer viewer, String name, Model model, HttpServletRequest req) {
        if (!FeedPages.isHtmx(req)) return "redirect:/tags/" + name;
        head(viewer, name, model);
        return "fragments/tag-head";
    }

    private void head(Viewer viewer, String name, Model model) {
        model.addAttribute("tag", name);
        model.addAttribute(
                "following",
                !follows.followedTagsAmong(viewer.accountId(), List.of(name)).isEmpty());
    }
}
