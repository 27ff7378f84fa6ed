package org.hallway.posts;

import java.time.Clock;
import org.hallway.follow.TagName;
import org.hallway.shared.Ids;
import org.hallway.shared.InvalidInputException;
import org.hallway.shared.NotFoundException;
import org.hallway.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Features a hashtag on the colleague's profile ("what I work on": #billing, #kubernetes), at most
 * {@value #MAX}, as Mastodon allows. Featuring a tag again changes nothing.
 */
@Service
public class FeatureTag {
    public static final int MAX = 10;

    private final FeaturedTagStore featured;
    private final Ids ids;
    private final Clock clock;

    FeatureTag(FeaturedTagStore featured, Ids ids, Clock clock) {
        this.featured = featured;
        this.ids = ids;
        this.clock = clock;
    }

    /** The featured tag as the colleague sees it on their own profile. */
    @Transactional
    public FeaturedTag handle(Viewer viewer, String name) {
        var tag = TagName.of(name);
        var mine = featured.of(viewer, viewer.accountId());
        var existing = mine.stream().filter(f -> f.name().equals(tag)).findFirst();
        if (existing.isPresent()) return existing.get();
        if (mine.size() >= MAX) throw new InvalidInputException("name", "You can feature at most " + MAX + " hashtags");
        long id = featured.add(ids.next(), viewer.networkId(), viewer.accountId(), tag, clock.instant());
        return featured.of(viewer, viewer.accountId()).stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow(NotFoundException::record);
    }
}
