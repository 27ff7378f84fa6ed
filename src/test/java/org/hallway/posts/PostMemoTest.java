package org.hallway.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hallway.shared.Viewer;
import org.hallway.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every view of a kept post row carries the row's memo, whoever reads it, until the post changes: then
 * the row is read anew, with a memo of its own that holds nothing kept for the row before.
 */
class PostMemoTest extends ApiTest {
    @Autowired
    FindPosts findPosts;

    @Test
    void everyViewOfAKeptRowCarriesItsMemoUntilThePostChanges() {
        var id = Long.parseLong(post(alice, "Kept with its memo"));
        var first = findPosts.hydrate(viewer(p.tom.account()), List.of(id)).getFirst();
        first.memo().set("presented once");

        var otherReader =
                findPosts.hydrate(viewer(p.bob.account()), List.of(id)).getFirst();

        assertThat(otherReader.memo()).isSameAs(first.memo());
        assertThat(otherReader.memo().get()).isEqualTo("presented once");

        assertThat(tom.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        var liked = findPosts.hydrate(viewer(p.bob.account()), List.of(id)).getFirst();

        assertThat(liked.post().favouritesCount()).isEqualTo(1);
        assertThat(liked.memo()).isNotSameAs(first.memo());
        assertThat(liked.memo().get()).isNotEqualTo("presented once");
    }

    private static Viewer viewer(org.hallway.identity.Account a) {
        return new Viewer(a.id(), a.networkId(), false);
    }
}
