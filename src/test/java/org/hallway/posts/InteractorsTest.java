package org.hallway.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hallway.shared.Viewer;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees a post's own flags (liked, bookmarked, reposted) differently from everyone else, asked for
 * several posts at once, as a live batch asks before rendering its posts once for all other readers.
 */
class InteractorsTest extends ApiTest {
    @Autowired
    FindPosts findPosts;

    @Test
    void eachPostHasItsOwnLikersBookmarkersAndReposters() {
        var liked = Long.parseLong(post(alice, "Liked and reposted"));
        var bookmarked = Long.parseLong(post(alice, "Bookmarked"));
        var untouched = Long.parseLong(post(alice, "Untouched"));
        assertThat(tom.post("/api/v1/statuses/" + liked + "/favourite").status())
                .isEqualTo(200);
        assertThat(bob.post("/api/v1/statuses/" + liked + "/reblog").status()).isEqualTo(200);
        assertThat(eve.post("/api/v1/statuses/" + bookmarked + "/bookmark").status())
                .isEqualTo(200);

        var views = findPosts.hydrate(
                new Viewer(0, p.alice.account().networkId(), false), List.of(liked, bookmarked, untouched));
        var own = findPosts.withOwnState(views);

        long author = p.alice.account().id();
        assertThat(own)
                .isEqualTo(Map.of(
                        liked,
                                Set.of(
                                        author,
                                        p.tom.account().id(),
                                        p.bob.account().id()),
                        bookmarked, Set.of(author, p.eve.account().id()),
                        untouched, Set.of(author)));
    }
}
