package org.hallway.api;

import java.util.List;
import org.hallway.api.entity.Tag;
import org.hallway.follow.FollowStore;
import org.hallway.follow.FollowTag;
import org.hallway.follow.TagName;
import org.hallway.follow.UnfollowTag;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hashtags and following them. */
@RestController
class TagsController {
    private final FollowTag followTag;
    private final UnfollowTag unfollowTag;
    private final FollowStore follows;
    private final BaseUrl baseUrl;

    TagsController(FollowTag followTag, UnfollowTag unfollowTag, FollowStore follows, BaseUrl baseUrl) {
        this.followTag = followTag;
        this.unfollowTag = unfollowTag;
        this.follows = follows;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/tags/{name}")
    Tag show(Viewer viewer, @PathVariable String name) {
        var tag = TagName.of(name);
        return tag(
                tag, follows.followedTagsAmong(viewer.accountId(), List.of(tag)).contains(tag));
    }

    @PostMapping("/api/v1/tags/{name}/follow")
    Tag follow(Viewer viewer, @PathVariable String name) {
        return tag(followTag.handle(viewer, name), true);
    }

    @PostMapping("/api/v1/tags/{name}/unfollow")
    Tag unfollow(Viewer viewer, @PathVariable String name) {
        return tag(unfollowTag.handle(viewer, name), false);
    }

    @GetMapping("/api/v1/followed_tags")
    List<Tag> followed(Viewer viewer) {
        return follows.followedTags(viewer.accountId()).stream()
                .map(t -> tag(t, true))
                .toList();
    }

    private Tag tag(String name, boolean following) {
        return new Tag(name, name, baseUrl.get() + "/tags/" + name, List.of(), following);
    }
}
