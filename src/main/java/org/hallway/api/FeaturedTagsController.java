package org.hallway.api;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hallway.api.entity.FeaturedTag;
import org.hallway.api.entity.Tag;
import org.hallway.audience.Visibility;
import org.hallway.posts.FeatureTag;
import org.hallway.posts.FeaturedTagStore;
import org.hallway.posts.UnfeatureTag;
import org.hallway.shared.Viewer;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hashtags featured on profiles (Mastodon's featured tags). Their counts are over the posts the reader
 * may see, so another reader may see smaller numbers than the author does.
 */
@RestController
class FeaturedTagsController {
    private static final int SUGGESTIONS = 10;

    private final FeatureTag feature;
    private final UnfeatureTag unfeature;
    private final FeaturedTagStore featured;
    private final Visibility audience;
    private final BaseUrl baseUrl;

    FeaturedTagsController(
            FeatureTag feature,
            UnfeatureTag unfeature,
            FeaturedTagStore featured,
            Visibility audience,
            BaseUrl baseUrl) {
        this.feature = feature;
        this.unfeature = unfeature;
        this.featured = featured;
        this.audience = audience;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/api/v1/featured_tags")
    List<FeaturedTag> mine(Viewer viewer) {
        return featured.of(viewer, viewer.accountId()).stream()
                .map(this::entity)
                .toList();
    }

    @PostMapping("/api/v1/featured_tags")
    FeaturedTag create(Viewer viewer, Params params) {
        return entity(feature.handle(viewer, params.string("name")));
    }

    @DeleteMapping("/api/v1/featured_tags/{id}")
    Map<String, Object> delete(Viewer viewer, @PathVariable String id) {
        unfeature.handle(viewer, Ids.parse(id));
        return Map.of();
    }

    /** The hashtags the colleague used most lately and does not feature yet. */
    @GetMapping("/api/v1/featured_tags/suggestions")
    List<Tag> suggestions(Viewer viewer) {
        return featured.suggestions(viewer.networkId(), viewer.accountId(), SUGGESTIONS).stream()
                .map(name -> new Tag(name, name, baseUrl.get() + "/tags/" + name, List.of(), false))
                .toList();
    }

    @GetMapping("/api/v1/accounts/{id}/featured_tags")
    List<FeaturedTag> ofAccount(Viewer viewer, @PathVariable String id) {
        long account = Ids.parse(id);
        audience.requireAccountVisible(viewer, account);
        return featured.of(viewer, account).stream().map(this::entity).toList();
    }

    private FeaturedTag entity(org.hallway.posts.FeaturedTag tag) {
        var last = tag.lastPostAt();
        return new FeaturedTag(
                Long.toString(tag.id()),
                tag.name(),
                baseUrl.get() + "/tags/" + tag.name(),
                Long.toString(tag.postsCount()),
                last == null
                        ? null
                        : last.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
}
